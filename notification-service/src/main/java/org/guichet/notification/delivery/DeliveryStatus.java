package org.guichet.notification.delivery;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** PENDING until the SMTP server took the mail (SENT) or every retry failed (FAILED). */
public enum DeliveryStatus {
    PENDING, SENT, FAILED;

    private static final Map<DeliveryStatus, Set<DeliveryStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(PENDING, SENT, FAILED),
            SENT, EnumSet.noneOf(DeliveryStatus.class),
            FAILED, EnumSet.noneOf(DeliveryStatus.class));

    public boolean canBecome(DeliveryStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
