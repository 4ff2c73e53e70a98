package org.guichet.payment.payment;

import org.guichet.events.EventType;
import org.guichet.payment.gateway.GatewayStatus;
import org.guichet.platform.state.Transitions;

import java.util.Optional;

/**
 * A payment's lifecycle; {@link #TRANSITIONS} is the only source of allowed moves and of the event each
 * one publishes ({@link PaymentStateMachine}). A payment that failed, was cancelled or expired may still
 * be found paid later (a late gateway answer): money received is never lost, so those states may move to
 * SETTLED. Gateways repeat and reorder their news (a second "paid", "failed" after "paid"): an illegal
 * move is ignored, not an error.
 */
public enum PaymentState {
    CREATED, PENDING, SETTLED, FAILED, CANCELLED, EXPIRED, PARTIALLY_REFUNDED, REFUNDED;

    public static final Transitions<PaymentState> TRANSITIONS = Transitions.of(PaymentState.class).startingAt(CREATED)
            .from(CREATED).to(PENDING)
            .from(CREATED, PENDING, FAILED, CANCELLED, EXPIRED).to(SETTLED).emitting(EventType.PAYMENT_SETTLED)
            .from(CREATED, PENDING).to(FAILED, CANCELLED).emitting(EventType.PAYMENT_FAILED)
            .from(CREATED, PENDING).to(EXPIRED).emitting(EventType.PAYMENT_EXPIRED)
            .from(SETTLED, PARTIALLY_REFUNDED).to(PARTIALLY_REFUNDED, REFUNDED).emitting(EventType.REFUND_ISSUED)
            .ignoringIllegal();

    /** True once the citizen has nothing more to do for this payment. */
    public boolean finished() {
        return this != CREATED && this != PENDING;
    }

    /** The state a gateway status leads to; empty for UNKNOWN (reconcile) and OPEN (nothing yet). */
    public static Optional<PaymentState> from(GatewayStatus status) {
        return switch (status) {
            case PENDING -> Optional.of(PENDING);
            case PAID -> Optional.of(SETTLED);
            case FAILED -> Optional.of(FAILED);
            case CANCELLED -> Optional.of(CANCELLED);
            case EXPIRED -> Optional.of(EXPIRED);
            case OPEN, UNKNOWN -> Optional.empty();
        };
    }
}
