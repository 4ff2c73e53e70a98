package org.guichet.cart.payable;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A payable item is locked while a payment for it is pending, so nobody pays it twice. */
public enum PayableStatus {
    AVAILABLE, PENDING_PAYMENT, PAID;

    private static final Map<PayableStatus, Set<PayableStatus>> ALLOWED = Map.of(
            AVAILABLE, EnumSet.of(PENDING_PAYMENT, PAID),
            PENDING_PAYMENT, EnumSet.of(PAID, AVAILABLE),
            PAID, EnumSet.noneOf(PayableStatus.class));

    public boolean canBecome(PayableStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
