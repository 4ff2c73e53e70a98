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
 * a refund the gateway refuses (or that cannot be made) is answered with RefundFailed.
 */
@ApplicationScoped
public class Refunds {
    private static final Logger LOG = Logger.getLogger(Refunds.class);
    static final String CONSUMER = "payment.refund-requested";

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

    @Incoming("refund-requests")
    public Uni<Void> onRefundRequested(String record) {
        return consumer.apply(CONSUMER, record, EventType.REFUND_REQUESTED, this::refund);
    }

    /** A refund that cannot be made is answered with RefundFailed (billing releases the bill); nothing else changes. */
    Uni<Void> refund(EventEnvelope envelope) {
        RefundRequested asked = envelope.payloadAs(RefundRequested.class);
        return attempt(asked).onFailure(ProblemException.class).recoverWithUni(t -> {
            ProblemException p = (ProblemException) t;
            LOG.warnf("refund %s of payment %s failed: %s", asked.refundId(), asked.paymentId(), p.getMessage());
            return outbox.publish(EventType.REFUND_FAILED, envelope.tenant(), asked.paymentId(), envelope.correlationId(),
                    new RefundFailed(asked.refundId(), asked.paymentId(), asked.invoiceId(), asked.amount(),
                            asked.currency(), null, p.slug() + ": " + p.getMessage())).replaceWithVoid();
        });
    }

    private Uni<Void> attempt(RefundRequested asked) {
        UUID paymentId = Ids.parseOrNotFound(asked.paymentId(), "Payment " + asked.paymentId());
        return Payment.byIdForUpdate(paymentId).flatMap(payment -> {
            if (payment == null) {
                throw Problems.notFound("Payment " + asked.paymentId());
            }
            if (payment.state != PaymentState.SETTLED && payment.state != PaymentState.PARTIALLY_REFUNDED) {
                throw Problems.conflict("payment-not-settled", "Payment " + payment.reference + " is " + payment.state);
            }
            if (asked.amount() > payment.amount - payment.refunded) {
                throw Problems.unprocessable("refund-too-large", "Payment " + payment.reference + " has only "
                        + (payment.amount - payment.refunded) + " left to refund");
            }
            Uni<String> gatewayRef = CounterPayments.GATEWAY.equals(payment.gateway) ? Uni.createFrom().nullItem()
                    : gateways.get(payment.gateway).refund(payment, asked.amount(), asked.refundId())
                    // an unreachable gateway is retried by the consumer; a refusal is final
                    .onFailure(t -> t instanceof ProblemException p && p.status() == 502
                            && "gateway-unavailable".equals(p.slug()))
                    .transform(t -> new IllegalStateException("gateway unreachable, refund retried: " + t.getMessage()));
            return gatewayRef.flatMap(ref -> record(payment, asked, ref));
        });
    }

    private Uni<Void> record(Payment payment, RefundRequested asked, String gatewayRef) {
        Instant now = clock.instant();
        List<PaymentLine> lines = List.of(new PaymentLine(PaymentLine.INVOICE, asked.invoiceId(),
                envelopeTenant(payment, asked), asked.reason(), asked.amount()));
        PaymentRefund refund = new PaymentRefund();
        refund.id = Ids.newId();
        refund.paymentId = payment.id;
        refund.billingRefundId = asked.refundId();
        refund.amount = asked.amount();
        refund.gatewayRef = gatewayRef;
        refund.reason = asked.reason();
        refund.lines = EventJson.MAPPER.valueToTree(lines).toString();
        refund.createdAt = now;
        payment.refunded += asked.amount();
        PaymentState next = payment.refunded == payment.amount ? PaymentState.REFUNDED : PaymentState.PARTIALLY_REFUNDED;
        RefundIssued issued = new RefundIssued(asked.refundId(), payment.id.toString(), payment.reference, payment.regie,
                asked.amount(), payment.currency, payment.gateway, payment.mode, asked.reason(), lines, now);
        return refund.persist()
                .flatMap(x -> stateMachine.moveTo(payment, next, "refund", asked.refundId()))
                .call(() -> outbox.publish(EventType.REFUND_ISSUED, payment.tenant, payment.id.toString(),
                        payment.checkoutId, issued))
                .replaceWithVoid();
    }

    /** The bill's institution as the payment's lines name it (a counter payment may pay another's bills, R10). */
    private static String envelopeTenant(Payment payment, RefundRequested asked) {
        return payment.lineList().stream().filter(l -> asked.invoiceId().equals(l.refId())).map(PaymentLine::tenant)
                .findFirst().orElse(payment.tenant);
    }
}
