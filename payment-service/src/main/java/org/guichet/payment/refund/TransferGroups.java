package org.guichet.payment.refund;

import jakarta.enterprise.context.ApplicationScoped;
import org.guichet.payment.regie.PaymentConfig;
import org.guichet.payment.transfer.SepaCreditTransfer;
import org.guichet.platform.error.Problems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ready refunds of a transfer file, grouped by the régie's bank account they are paid from. */
@ApplicationScoped
class TransferGroups {
    private final PaymentConfig config;

    TransferGroups(PaymentConfig config) {
        this.config = config;
    }

    /** One group per régie account and currency, executed {@code transfer-execution-days} after {@code now}. */
    List<SepaCreditTransfer.Group> of(List<ManualRefund> ready, Instant now) {
        LocalDate execution = now.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(config.transferExecutionDays());
        Map<String, List<ManualRefund>> byAccount = new LinkedHashMap<>();
        for (ManualRefund m : ready) {
            byAccount.computeIfAbsent(m.regie + "/" + m.currency, k -> new ArrayList<>()).add(m);
        }
        List<SepaCreditTransfer.Group> groups = new ArrayList<>();
        for (List<ManualRefund> same : byAccount.values()) {
            String regie = same.get(0).regie;
            PaymentConfig.Regie account = config.requireRegie(regie);
            String iban = account.bankAccountIban().orElseThrow(() -> Problems.unprocessable("no-bank-account",
                    "Régie " + regie + " has no bank account configured (guichet.payment.regies." + regie
                            + ".bank-account-iban): its refunds cannot be transferred"));
            groups.add(new SepaCreditTransfer.Group(account.bankAccountName().orElse(regie), iban,
                    account.bankAccountBic().orElse(null), same.get(0).currency, execution,
                    same.stream().map(m -> new SepaCreditTransfer.Transfer(m.id.toString().replace("-", ""), m.amount,
                            m.holderName, m.iban, m.bic, "Refund of " + m.paymentReference
                            + (m.reason == null ? "" : " " + m.reason))).toList()));
        }
        return groups;
    }
}
