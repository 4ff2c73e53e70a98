package org.guichet.payment.refund;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.payload.PaymentLine;
import org.guichet.events.payload.RefundFailed;
import org.guichet.events.payload.RefundIssued;
import org.guichet.events.payload.RefundRequested;
import org.guichet.payment.counter.CounterPayments;
import org.guichet.payment.gateway.Gateways;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.payment.PaymentState;
import org.guichet.payment.payment.PaymentStateMachine;
import org.guichet.platform.Ids;
import org.guichet.platform.consumer.IdempotentConsumer;
import org.guichet.platform.consumer.RetryLater;
import org.guichet.platform.error.ProblemException;
import org.guichet.platform.error.Problems;
import org.guichet.platform.outbox.Outbox;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Refunds billing asks for (RefundRequested, R7): an online payment is refunded through its gateway
 * (the billing refund id is the gateway's refund reference, so a retry never refunds twice); a
 * counter payment is paid out at the counter. The payment moves to PARTIALLY_REFUNDED or REFUNDED
 * and RefundIssued goes back to billing and reporting. A gateway that cannot be reached is retried;
 * a refund the gateway refuses goes by bank transfer ({@link ManualRefunds}); one that cannot be
 * made at all (too large, payment not settled) is answered with RefundFailed.
 */
@ApplicationScoped
public class Refunds {
    private static final Logger LOG = Logger.getLogger(Refunds.class);
    static final String CONSUMER = "payment.refund-requested";
    /** What a gateway answers when it cannot give the money back: the refund goes by bank transfer. */
    static final java.util.Set<String> REFUSALS = java.util.Set.of("refund-refused", "refund-not-supported");

    @Inject
    IdempotentConsumer consumer;
    @Inject
    Gateways gateways;
    @Inject
    PaymentStateMachine stateMachine;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    ManualRefunds manualRefunds;

    @Incoming("refund-requests")
    public Uni<Void> onRefundRequested(String record) {
        return consumer.apply(CONSUMER, record, EventType.REFUND_REQUESTED, this::refund);
    }

    /** A refund that cannot be made is answered with RefundFailed (billing releases the bill); nothing else changes. */
    Uni<Void> refund(EventEnvelope envelope) {
        RefundRequested asked = envelope.payloadAs(RefundRequested.class);
        return execute(RefundOrder.of(asked)).onFailure(ProblemException.class).recoverWithUni(t -> {
            ProblemException p = (ProblemException) t;
            LOG.warnf("refund %s of payment %s failed: %s", asked.refundId(), asked.paymentId(), p.getMessage());
            return outbox.publish(EventType.REFUND_FAILED, envelope.tenant(), asked.paymentId(), envelope.correlationId(),
                    new RefundFailed(asked.refundId(), asked.paymentId(), asked.invoiceId(), asked.amount(),
                            asked.currency(), null, p.slug() + ": " + p.getMessage())).replaceWithVoid();
        });
    }

    /**
     * In the caller's transaction: gives the money back through the gateway, pays it out at the counter,
     * or — when the gateway refuses (no refund API, the card is gone) — asks the payer for an IBAN. A
     * gateway that cannot be reached fails with {@link RetryLater}: the consumer retries it until it answers.
     */
    public Uni<Void> execute(RefundOrder order) {
        UUID paymentId = Ids.parseOrNotFound(order.paymentId(), "Payment " + order.paymentId());
        return Payment.byIdForUpdate(paymentId).flatMap(payment -> {
            if (payment == null) {
                throw Problems.notFound("Payment " + order.paymentId());
            }
            // asked again (a redelivered request): the first refund — made, or waiting for the payer's IBAN —
            // stands, whatever the payment's state now
            return PaymentRefund.<PaymentRefund>find("billingRefundId", order.refundId()).firstResult()
                    .flatMap(done -> done != null ? Uni.createFrom().item(true)
                            : manualRefunds.existing(order.refundId()).map(m -> m != null))
                    .flatMap(asked -> asked ? Uni.createFrom().voidItem() : firstTime(payment, order));
        });
    }

    private Uni<Void> firstTime(Payment payment, RefundOrder order) {
        payment.checkRefundable(order.amount());
        if (CounterPayments.GATEWAY.equals(payment.gateway)) {
            return record(payment, order, null);
        }
        return gateways.get(payment.gateway).refund(payment, order.amount(), order.refundId())
                .onItemOrFailure().transformToUni((ref, t) -> {
                    if (t == null) {
                        return record(payment, order, ref);
                    }
                    if (t instanceof ProblemException p && REFUSALS.contains(p.slug())) {
                        // the gateway will not do it (no refund API, the card is gone): the payer gives an IBAN
                        return manualRefunds.open(payment, order, p.getMessage());
                    }
                    if (t instanceof ProblemException p && !"gateway-unavailable".equals(p.slug())) {
                        return Uni.createFrom().failure(p); // misconfigured, invalid: not the payer's business
                    }
                    return Uni.createFrom().failure(new RetryLater("gateway unreachable, refund retried: "
                            + t.getMessage()));
                });
    }

    private Uni<Void> record(Payment payment, RefundOrder order, String gatewayRef) {
        payment.refund(order.amount());
        return issued(payment, order, gatewayRef, payment.mode);
    }

    /**
     * In the caller's transaction: money went back (the amount is already counted in payment.refunded):
     * the refund row, the payment's state, RefundIssued.
     */
    public Uni<Void> issued(Payment payment, RefundOrder order, String gatewayRef, String mode) {
        Instant now = clock.instant();
        PaymentLine paid = payment.lineList().stream().filter(l -> order.invoiceId().equals(l.refId())).findFirst()
                .orElse(new PaymentLine(PaymentLine.INVOICE, order.invoiceId(), payment.tenant, null, order.amount()));
        List<PaymentLine> lines = List.of(new PaymentLine(paid.kind(), order.invoiceId(), paid.tenant(), order.reason(),
                order.amount()));
        PaymentRefund refund = new PaymentRefund();
        refund.id = Ids.newId();
        refund.paymentId = payment.id;
        refund.billingRefundId = order.refundId();
        refund.amount = order.amount();
        refund.gatewayRef = gatewayRef;
        refund.reason = order.reason();
        refund.lines = EventJson.MAPPER.valueToTree(lines).toString();
        refund.createdAt = now;
        PaymentState next = payment.stateAfterRefunds();
        RefundIssued issued = new RefundIssued(order.refundId(), payment.id.toString(), payment.reference, payment.regie,
                order.amount(), payment.currency, payment.gateway, mode, order.reason(), lines, now);
        return refund.persist()
                .flatMap(x -> stateMachine.moveTo(payment, next, "refund", order.refundId()))
                .call(() -> outbox.publish(EventType.REFUND_ISSUED, payment.tenant, payment.id.toString(),
                        payment.checkoutId, issued))
                .replaceWithVoid();
    }
}
