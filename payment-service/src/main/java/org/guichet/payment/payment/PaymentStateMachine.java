package org.guichet.payment.payment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.events.EventType;
import org.guichet.payment.gateway.GatewayStatus;
import org.guichet.platform.logging.LogFields;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * The only way a payment changes state: checks the table, records the transition and its cause,
 * and publishes the outcome event — in the caller's transaction. Repeated or out-of-order news
 * (a second "paid" callback, "failed" after "paid") changes nothing.
 */
@ApplicationScoped
public class PaymentStateMachine {
    private static final Logger LOG = Logger.getLogger(PaymentStateMachine.class);

    @Inject
    PaymentEvents events;
    @Inject
    Clock clock;
    @Inject
    org.guichet.payment.claim.PaymentClaims paymentClaims;
    @Inject
    org.guichet.payment.receipt.Receipts receipts;

    public Uni<Payment> apply(Payment payment, GatewayStatus status, String cause, String detail) {
        return PaymentState.from(status)
                .map(target -> moveTo(payment, target, cause, detail))
                .orElseGet(() -> {
                    if (status == GatewayStatus.UNKNOWN) {
                        LogFields.with(LogFields.PAYMENT_ID, payment.id, () -> LOG.warnf(
                                "payment %s: gateway status unknown (%s), left for reconciliation", payment.id, cause));
                    }
                    return Uni.createFrom().item(payment);
                });
    }

    public Uni<Payment> moveTo(Payment payment, PaymentState target, String cause, String detail) {
        PaymentState from = payment.state;
        if (from == target) {
            return Uni.createFrom().item(payment);
        }
        if (!PaymentState.TRANSITIONS.check(from, target)) {
            LogFields.with(LogFields.PAYMENT_ID, payment.id, () -> LOG.infof(
                    "payment %s: ignoring %s -> %s from %s (not allowed)", payment.id, from, target, cause));
            return Uni.createFrom().item(payment);
        }
        Instant now = clock.instant();
        LogFields.with(LogFields.PAYMENT_ID, payment.id, () -> LOG.infof("payment %s: %s -> %s (%s, %s)",
                payment.id, from, target, cause, payment.gateway));
        payment.state = target;
        payment.updatedAt = now;
        if (target == PaymentState.FAILED || target == PaymentState.CANCELLED || target == PaymentState.EXPIRED) {
            payment.failureReason = detail;
        }
        Uni<Void> event = PaymentState.TRANSITIONS.eventOf(from, target)
                .map(type -> publish(payment, type, now)).orElseGet(() -> Uni.createFrom().voidItem());
        // a payment's claims end when it ends, or when it settles after all (paid late after failing)
        boolean settled = target == PaymentState.SETTLED;
        Uni<Void> claims = settled || (target.finished() && !from.finished())
                ? paymentClaims.ended(payment, settled) : Uni.createFrom().voidItem();
        return PaymentTransition.of(payment, from, target, cause, detail, now).persist()
                .call(() -> claims)
                .call(() -> event)
                .replaceWith(payment);
    }

    /** The event the table names for this move. */
    private Uni<Void> publish(Payment payment, EventType type, Instant now) {
        return switch (type) {
            case PAYMENT_SETTLED -> settle(payment, now);
            case PAYMENT_FAILED, PAYMENT_EXPIRED -> events.failed(payment, type);
            // RefundIssued carries the refund, not the payment: Refunds publishes it beside this move
            default -> Uni.createFrom().voidItem();
        };
    }

    /** The money is ours: the receipt is numbered and PaymentSettled published, in this transaction. */
    private Uni<Void> settle(Payment payment, Instant now) {
        payment.settledAt = now;
        return receipts.number(payment, now).call(() -> events.settled(payment));
    }
}
