package org.guichet.reporting.ingest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentFailed;
import org.guichet.events.payload.PaymentLine;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.events.payload.RefundIssued;
import org.guichet.platform.consumer.IdempotentConsumer;
import org.guichet.platform.db.SessionSql;
import org.guichet.platform.privacy.PrivacyEvents;
import org.guichet.reporting.privacy.ReportingPersonalData;
import org.guichet.reporting.transaction.LineSummary;
import org.guichet.reporting.transaction.TransactionRecord;
import org.guichet.reporting.transaction.TransactionStatus;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Builds the read model from every Guichet event, once each. Every event goes to the event log;
 * checkout, payment and refund events shape the transaction lines; billing's retention decisions
 * (README, "Personal data") pseudonymise the payers' names.
 */
@ApplicationScoped
public class EventIngestor {
    static final String CONSUMER = "reporting.read-model";
    @Inject
    IdempotentConsumer consumer;
    @Inject
    PrivacyEvents privacy;
    @Inject
    ReportingPersonalData personalData;

    /** Records come in batches: one transaction per poll (IdempotentConsumer#applyBatch). */
    @Incoming("events")
    public Uni<Void> onEvents(List<String> records) {
        return consumer.applyBatch(CONSUMER, records, envelope -> log(envelope).call(() -> project(envelope)));
    }

    private Uni<Void> project(EventEnvelope envelope) {
        if (PrivacyEvents.handles(envelope)) {
            return privacy.apply(envelope);
        }
        if (envelope.is(EventType.CART_CHECKED_OUT)) {
            CartCheckedOut c = envelope.payloadAs(CartCheckedOut.class);
            return Multi.createFrom().iterable(c.payments())
                    .onItem().transformToUniAndConcatenate(p -> upsert(envelope, UUID.fromString(p.paymentId()),
                            TransactionStatus.PENDING, r -> {
                                fill(r, envelope.tenant(), p.regie(), c.payer(), p.amount(), p.currency(), p.lines());
                                r.accountingCode = p.accountingCode();
                            }))
                    .collect().asList().replaceWithVoid();
        }
        if (envelope.is(EventType.PAYMENT_SETTLED)) {
            PaymentSettled p = envelope.payloadAs(PaymentSettled.class);
            return upsert(envelope, UUID.fromString(p.paymentId()), TransactionStatus.SETTLED, r -> {
                fill(r, envelope.tenant(), p.regie(), p.payer(), p.amount(), p.currency(), p.lines());
                r.reference = p.reference();
                r.operator = p.operator();
                r.receiptNumber = p.receiptNumber();
                r.gateway = p.gateway();
                r.gatewayRef = p.gatewayReference();
                r.mode = p.mode();
                r.settledAt = p.settledAt();
            });
        }
        if (envelope.is(EventType.REFUND_ISSUED)) {
            return refunded(envelope, envelope.payloadAs(RefundIssued.class));
        }
        if (envelope.isPaymentWithoutMoney()) {
            PaymentFailed p = envelope.payloadAs(PaymentFailed.class);
            return upsert(envelope, UUID.fromString(p.paymentId()), TransactionStatus.FAILED, r -> {
                fill(r, envelope.tenant(), p.regie(), p.payer(), p.amount(), p.currency(), p.lines());
                r.reference = p.reference();
                r.gateway = p.gateway();
                r.outcome = p.outcome() != null ? p.outcome()
                        : envelope.is(EventType.PAYMENT_EXPIRED) ? "EXPIRED" : "FAILED";
            });
        }
        return Uni.createFrom().voidItem();
    }

    private interface Filler {
        void fill(TransactionRecord r);
    }

    /** Creates or updates the line; data and status only move forward (out-of-order safe). */
    private Uni<Void> upsert(EventEnvelope envelope, UUID paymentId, TransactionStatus status, Filler filler) {
        return TransactionRecord.<TransactionRecord>findById(paymentId).flatMap(existing -> {
            TransactionRecord r = existing;
            boolean fresh = r == null;
            if (fresh) {
                r = new TransactionRecord();
                r.paymentId = paymentId;
                r.createdAt = envelope.occurredAt();
                r.status = status;
            } else if (!status.outranks(r.status)) {
                return Uni.createFrom().voidItem();
            }
            filler.fill(r);
            r.status = status;
            r.updatedAt = envelope.occurredAt();
            TransactionRecord line = r;
            // the payer's name as billing's retention decisions allow it, then the search text
            return personalData.guard(line).invoke(line::refreshSearchText).flatMap(guarded -> {
                if (!fresh) {
                    return Uni.createFrom().voidItem();
                }
                // a refund seen before the transaction itself (another topic, another partition) still counts
                return refundedSoFar(paymentId).flatMap(sum -> {
                    line.refunded = sum;
                    return line.persist().replaceWithVoid();
                });
            });
        });
    }

    /** Records the refund once and adds it to its transaction, if the read model has it yet. */
    private static Uni<Void> refunded(EventEnvelope envelope, RefundIssued refund) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("insert into transaction_refund (event_id, payment_id, "
                                + "tenant, amount, currency, mode, reason, refunded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                                + "on conflict do nothing")
                        .setParameter(1, envelope.eventId()).setParameter(2, UUID.fromString(refund.paymentId()))
                        .setParameter(3, envelope.tenant()).setParameter(4, refund.amount())
                        .setParameter(5, refund.currency()).setParameter(6, refund.mode()).setParameter(7, refund.reason())
                        .setParameter(8, OffsetDateTime.ofInstant(refund.refundedAt() != null ? refund.refundedAt()
                                : envelope.occurredAt(), ZoneOffset.UTC))
                        .executeUpdate()
                        .flatMap(inserted -> inserted == 0 ? Uni.createFrom().item(0) : s.createNativeQuery(
                                        "update transaction_record set refunded = refunded + ?1 where payment_id = ?2")
                                .setParameter(1, refund.amount()).setParameter(2, UUID.fromString(refund.paymentId()))
                                .executeUpdate()))
                .replaceWithVoid();
    }

    private static Uni<Long> refundedSoFar(UUID paymentId) {
        return SessionSql.value("select cast(coalesce(sum(amount), 0) as bigint) from transaction_refund where payment_id = $1",
                Long.class, paymentId);
    }

    private static void fill(TransactionRecord r, String tenant, String regie, Payer payer, long amount,
                             String currency, List<PaymentLine> lines) {
        r.tenant = tenant;
        r.regie = regie;
        r.citizenSubject = payer.subject();
        if (payer.name() != null) {
            r.citizenName = payer.name();
        }
        r.total = amount;
        r.currency = currency;
        r.lines = EventJson.MAPPER.valueToTree(lines).toString();
        r.linesSummary = LineSummary.of(lines, currency);
        r.institutions = LineSummary.institutions(tenant, lines);
    }

    private static Uni<Void> log(EventEnvelope e) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "insert into event_log (event_id, type, tenant, subject_id, producer, occurred_at) "
                                        + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                        .setParameter(1, e.eventId()).setParameter(2, e.type()).setParameter(3, e.tenant())
                        .setParameter(4, e.subjectId()).setParameter(5, e.producer())
                        .setParameter(6, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }

}
