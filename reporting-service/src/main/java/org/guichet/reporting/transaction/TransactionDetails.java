package org.guichet.reporting.transaction;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.guichet.platform.error.Problems;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One transaction in full for the back office: its line, the refunds made of it, and its timeline —
 * every event about the payment or about what it pays for (the bills, the request), oldest first.
 */
@ApplicationScoped
public class TransactionDetails {

    public record Detail(TransactionView transaction, List<Refund> refunds, List<Step> timeline) {
    }

    public record Refund(long amount, String currency, String mode, String reason, Instant refundedAt) {
    }

    public record Step(Instant at, String event, String by, String about) {
    }

    /** The transaction of the caller's institution; another institution's (or none) is a 404. */
    public Uni<Detail> of(String tenant, String paymentId) {
        UUID id = parse(paymentId);
        return Panache.withSession(() -> TransactionRecord.<TransactionRecord>findById(id).flatMap(record -> {
            if (record == null || !record.tenant.equals(tenant)) {
                throw Problems.notFound("No transaction " + paymentId);
            }
            TransactionView view = ExportRow.of(record).view();
            List<String> subjects = new ArrayList<>();
            subjects.add(paymentId);
            view.lines().forEach(line -> subjects.add(line.path("refId").asText()));
            return Panache.getSession().flatMap(s -> s.createNativeQuery("select amount, currency, mode, reason, "
                                    + "refunded_at from transaction_refund where payment_id = ?1 order by refunded_at",
                            Object[].class).setParameter(1, id).getResultList()
                    .flatMap(refunds -> s.createNativeQuery("select occurred_at, type, producer, subject_id from event_log "
                                    + "where tenant = ?1 and subject_id = any(?2) order by occurred_at, type", Object[].class)
                            .setParameter(1, tenant).setParameter(2, subjects.toArray(new String[0])).getResultList()
                            .map(events -> new Detail(view,
                                    refunds.stream().map(r -> new Refund(((Number) r[0]).longValue(), (String) r[1],
                                            (String) r[2], (String) r[3], instant(r[4]))).toList(),
                                    events.stream().map(e -> new Step(instant(e[0]), (String) e[1], (String) e[2],
                                            paymentId.equals(e[3]) ? "payment" : (String) e[3])).toList()))));
        }));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problems.notFound("No transaction " + id);
        }
    }
}
