package org.guichet.cart.checkout;

import org.guichet.platform.state.Transitions;

/**
 * What the cart knows of one payment of a checkout, from payment-service's events. A payment found paid
 * after it was reported failed (a late gateway answer) still counts. An illegal move is refused with 409.
 */
public enum PaymentStatus {
    PENDING, SETTLED, FAILED;

    public static final Transitions<PaymentStatus> TRANSITIONS = Transitions.of(PaymentStatus.class)
            .startingAt(PENDING)
            .from(PENDING).to(SETTLED, FAILED)
            .from(FAILED).to(SETTLED)
            .rejectingIllegal();
}
