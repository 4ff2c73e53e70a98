package org.guichet.billing.statement;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.billing.account.Account;
import org.guichet.billing.account.AccountHistory;
import org.guichet.billing.credit.CreditLedger;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.billing.invoice.Invoice;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Gathers an account's statement for a period: the bills issued in it or still open at its end, the
 * history lines within it, the totals of the period and the balance and credit now.
 */
@ApplicationScoped
public class StatementService {
    static final int MAX_DAYS = 3700;

    @Inject
    InstitutionsConfig institutions;
    @Inject
    AccountHistory history;
    @Inject
    CreditLedger ledger;

    @WithSession
    public Uni<Statement> of(String tenant, String accountId, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw Problems.invalid("A statement needs a period: from <= to, at most ten years",
                    new FieldError("from", "from and to are dates (YYYY-MM-DD), from <= to"));
        }
        InstitutionsConfig.Institution institution = institutions.of(tenant);
        ZoneId zone = institution.timeZone();
        var start = from.atStartOfDay(zone).toInstant();
        var end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return Account.<Account>find("tenant = ?1 and accountId = ?2", tenant, accountId).firstResult()
                .flatMap(account -> Invoice.<Invoice>list("tenant = ?1 and accountId = ?2 and issuedOn <= ?3 "
                                + "and (issuedOn >= ?4 or state in ?5) order by issuedOn, number", tenant, accountId, to, from,
                        List.of(org.guichet.billing.invoice.InvoiceState.OPEN,
                                org.guichet.billing.invoice.InvoiceState.PARTIALLY_PAID))
                        .flatMap(bills -> history.between(tenant, accountId, start, end)
                                .flatMap(lines -> ledger.balance(tenant, accountId).map(credit -> {
                                    long billed = sum(lines, "CREATED");
                                    long paid = sum(lines, "PAYMENT");
                                    long waived = sum(lines, "WAIVE");
                                    long refunded = sum(lines, "REFUND");
                                    long balance = bills.stream().mapToLong(Invoice::outstanding).reduce(0L, Math::addExact);
                                    return new Statement(institution.statementDescriptor().orElse(tenant), accountId,
                                            account == null ? accountId : account.name, from, to, institution.currency(),
                                            bills.stream().map(StatementService::line).toList(), lines, billed, paid,
                                            waived, refunded, balance, credit);
                                }))));
    }

    private static long sum(List<AccountHistory.Line> lines, String action) {
        return lines.stream().filter(l -> action.equals(l.action()) && l.amount() != null)
                .mapToLong(AccountHistory.Line::amount).reduce(0L, Math::addExact);
    }

    private static Statement.BillLine line(Invoice i) {
        return new Statement.BillLine(i.number, i.issuedOn, i.reason, i.description, i.amount, i.paid, i.waived,
                i.refunded, i.outstanding(), i.state.name());
    }
}
