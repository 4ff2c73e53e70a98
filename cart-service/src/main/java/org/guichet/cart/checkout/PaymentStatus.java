package org.guichet.cart.checkout;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** What the cart knows of one payment of a checkout, from payment-service's events. */
public enum PaymentStatus {
    PENDING, SETTLED, FAILED;

    private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(SETTLED, FAILED),
            // a payment found paid after it was reported failed (late gateway answer) still counts
            FAILED, EnumSet.of(SETTLED),
            SETTLED, EnumSet.noneOf(PaymentStatus.class));

    public boolean canBecome(PaymentStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
