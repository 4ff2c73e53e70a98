package org.guichet.cart.payable;

import org.guichet.platform.state.Transitions;

/**
 * A payable item is locked while a payment for it is pending, so nobody pays it twice; it is
 * withdrawn when what it stands for is owed no more (bill cancelled, waived or paid another way), also
 * while a payment of it is pending: that payment still settles, but a failed one releases nothing.
 * {@link #TRANSITIONS} is the only source of moves; an illegal one is refused with 409.
 */
public enum PayableStatus {
    AVAILABLE, PENDING_PAYMENT, PAID, WITHDRAWN;

    public static final Transitions<PayableStatus> TRANSITIONS = Transitions.of(PayableStatus.class)
            .startingAt(AVAILABLE)
            .from(AVAILABLE).to(PENDING_PAYMENT)
            .from(PENDING_PAYMENT).to(AVAILABLE)
            .from(AVAILABLE, PENDING_PAYMENT).to(PAID, WITHDRAWN)
            .rejectingIllegal();
}
