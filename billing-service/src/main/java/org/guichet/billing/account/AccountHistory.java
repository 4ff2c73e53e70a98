package org.guichet.billing.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * R8: one time line of an account — what happened to each of its bills (with the bill's number),
 * to its credit, and to the account itself — with operator, amount, payment mode, notes and date.
 */
@ApplicationScoped
public class AccountHistory {
    static final String LINES = """
            select occurred_at, action, invoice_number, amount, payment_mode, reference, operator, granted_by, notes,
                   payer from (
                select h.occurred_at, h.action, i.number as invoice_number, h.amount, h.payment_mode, h.reference,
                       h.operator, h.granted_by, h.notes, h.payer
                from invoice_history h join invoice i on i.id = h.invoice_id
                where i.tenant = ?1 and i.account_id = ?2
                union all
                select occurred_at, 'CREDIT_' || kind, null, amount, null, reference, operator, null, null, payer
                from credit_movement where tenant = ?1 and account_id = ?2
                union all
                select occurred_at, action, null, amount, null, null, operator, null, notes, null
                from account_history where tenant = ?1 and account_id = ?2
            ) x order by occurred_at, action
            """;

    public record Line(Instant occurredAt, String action, String invoiceNumber, Long amount, String paymentMode,
                       String reference, String operator, String grantedBy, String notes, String payer) {
    }

    /** In a session. */
    public Uni<List<Line>> of(String tenant, String accountId) {
        return between(tenant, accountId, null, null);
    }

    /** In a session; {@code from}/{@code to} may be null (open ends). */
    public Uni<List<Line>> between(String tenant, String accountId, Instant from, Instant to) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(LINES, Object[].class)
                        .setParameter(1, tenant).setParameter(2, accountId).getResultList())
                .map(rows -> rows.stream().map(AccountHistory::line)
                        .filter(l -> (from == null || !l.occurredAt().isBefore(from)) && (to == null || l.occurredAt().isBefore(to)))
                        .toList());
    }

    private static Line line(Object[] r) {
        return new Line(instant(r[0]), (String) r[1], (String) r[2], r[3] == null ? null : ((Number) r[3]).longValue(),
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9]);
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof java.sql.Timestamp t ? t.toInstant() : null;
    }
}
