package org.guichet.cart.payable;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A payable item is locked while a payment for it is pending, so nobody pays it twice; it is
 * withdrawn when what it stands for is owed no more (bill cancelled, waived or paid another way), also
 * while a payment of it is pending: that payment still settles, but a failed one releases nothing.
 */
public enum PayableStatus {
    AVAILABLE, PENDING_PAYMENT, PAID, WITHDRAWN;

    private static final Map<PayableStatus, Set<PayableStatus>> ALLOWED = Map.of(
            AVAILABLE, EnumSet.of(PENDING_PAYMENT, PAID, WITHDRAWN),
            PENDING_PAYMENT, EnumSet.of(PAID, AVAILABLE, WITHDRAWN),
            PAID, EnumSet.noneOf(PayableStatus.class),
            WITHDRAWN, EnumSet.noneOf(PayableStatus.class));

    public boolean canBecome(PayableStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
