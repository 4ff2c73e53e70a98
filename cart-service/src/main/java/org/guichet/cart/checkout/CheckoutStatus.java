package org.guichet.cart.checkout;

import java.util.Collection;

/** A checkout's status follows from its payments': a partly paid checkout is a normal state. */
public enum CheckoutStatus {
    PENDING, PARTIALLY_PAID, PAID, FAILED;

    public static CheckoutStatus of(Collection<PaymentStatus> payments) {
        long settled = payments.stream().filter(p -> p == PaymentStatus.SETTLED).count();
        long failed = payments.stream().filter(p -> p == PaymentStatus.FAILED).count();
        if (settled == payments.size()) {
            return PAID;
        }
        if (settled > 0) {
            return PARTIALLY_PAID;
        }
        return failed == payments.size() ? FAILED : PENDING;
    }
}
