package org.guichet.payment.payment;

import org.guichet.payment.gateway.GatewayStatus;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A payment's lifecycle; the table is the only source of allowed transitions. A payment that
 * failed, was cancelled or expired may still be found paid later (a late gateway answer): money
 * received is never lost, so those states may move to SETTLED.
 */
public enum PaymentState {
    CREATED, PENDING, SETTLED, FAILED, CANCELLED, EXPIRED, PARTIALLY_REFUNDED, REFUNDED;

    private static final Map<PaymentState, Set<PaymentState>> ALLOWED = Map.of(
            CREATED, EnumSet.of(PENDING, SETTLED, FAILED, CANCELLED, EXPIRED),
            PENDING, EnumSet.of(SETTLED, FAILED, CANCELLED, EXPIRED),
            SETTLED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
            FAILED, EnumSet.of(SETTLED),
            CANCELLED, EnumSet.of(SETTLED),
            EXPIRED, EnumSet.of(SETTLED),
            PARTIALLY_REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
            REFUNDED, EnumSet.noneOf(PaymentState.class));

    public boolean canBecome(PaymentState next) {
        return ALLOWED.get(this).contains(next);
    }

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
