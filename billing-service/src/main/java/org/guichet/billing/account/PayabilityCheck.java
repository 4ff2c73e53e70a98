package org.guichet.billing.account;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.billing.invoice.Invoice;
import org.guichet.billing.invoice.InvoiceHistoryEntry;
import org.guichet.billing.invoice.InvoiceState;
import org.guichet.platform.billing.Payability;
import org.guichet.platform.db.SessionSql;
import org.guichet.platform.error.Problems;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Works out an account's {@link Payability} for a caller of one institution (R9, R10, R15, R16). */
@ApplicationScoped
public class PayabilityCheck {

    @Inject
    InstitutionsConfig institutions;
    @Inject
    Clock clock;

    /** In a session. Another institution's account is visible only where it accepts the caller's payments (R10). */
    public Uni<Payability> of(String callerTenant, String institutionCode, String accountId) {
        if (!callerTenant.equals(institutionCode) && (!institutions.institutions().containsKey(institutionCode)
                || !institutions.of(institutionCode).acceptsPaymentsFrom(callerTenant))) {
            throw Problems.notFound("Account " + accountId + " of " + institutionCode);
        }
        InstitutionsConfig.Institution institution = institutions.of(institutionCode);
        LocalDate today = LocalDate.now(clock.withZone(institution.timeZone()));
        return Family.of(institutionCode, accountId).flatMap(family -> Account.<Account>find(
                        "tenant = ?1 and accountId = ?2", institutionCode, accountId).<Account>firstResult()
                .flatMap(account -> Invoice.<Invoice>list("tenant = ?1 and accountId in ?2 and state in ?3 "
                                + "order by createdAt, number", institutionCode, family.members(),
                        List.of(InvoiceState.OPEN, InvoiceState.PARTIALLY_PAID))
                        .flatMap(open -> appliedPayments(open).map(applied -> {
                            LocalDate validUntil = account == null ? null : account.registrationValidUntil;
                            boolean expired = validUntil != null && validUntil.isBefore(today);
                            boolean online = !family.isProxy()
                                    && !(expired && institution.onlinePaymentNeedsValidRegistration());
                            long balance = open.stream().mapToLong(Invoice::outstanding).reduce(0L, Math::addExact);
                            long overdue = open.stream().filter(i -> institution.dueDate(i.issuedOn).isBefore(today))
                                    .mapToLong(Invoice::outstanding).reduce(0L, Math::addExact);
                            return new Payability(accountId, institutionCode, institution.regie(),
                                    institution.currency(), balance, overdue, family.collections(), !family.isProxy(),
                                    family.isProxy() ? "PROXY" : null, family.principal(), online, validUntil,
                                    institution.paymentModes(), open.stream().map(i -> new Payability.OpenBill(
                                            i.id.toString(), i.number, i.outstanding(),
                                            applied.getOrDefault(i.id.toString(), List.of()))).toList(),
                                    institution.counterModes());
                        }))));
    }

    /** The payments applied to each of these bills, by bill id: the counter tells in-flight payments by them. */
    private static Uni<Map<String, List<String>>> appliedPayments(List<Invoice> bills) {
        if (bills.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return SessionSql.rows("select cast(invoice_id as text), payment_id from invoice_history where invoice_id = any($1) "
                                + "and action = $2 and payment_id is not null",
                        bills.stream().map(i -> i.id).toArray(UUID[]::new), InvoiceHistoryEntry.PAYMENT)
                .map(rows -> rows.stream().collect(Collectors.groupingBy(r -> (String) r[0],
                        Collectors.mapping(r -> (String) r[1], Collectors.toList()))));
    }
}
