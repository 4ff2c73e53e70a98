package org.guichet.billing.invoice;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** An invoice's lifecycle. The table below is the only source of allowed transitions. */
public enum InvoiceState {
    OPEN, PARTIALLY_PAID, PAID, WAIVED, CANCELLED;

    private static final Map<InvoiceState, Set<InvoiceState>> ALLOWED = Map.of(
            OPEN, EnumSet.of(PARTIALLY_PAID, PAID, WAIVED, CANCELLED),
            PARTIALLY_PAID, EnumSet.of(PARTIALLY_PAID, PAID, WAIVED),
            PAID, EnumSet.noneOf(InvoiceState.class),
            WAIVED, EnumSet.noneOf(InvoiceState.class),
            CANCELLED, EnumSet.noneOf(InvoiceState.class));

    public boolean canBecome(InvoiceState next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Settled invoices leave the current charges for the account history (R3). */
    public boolean isClosed() {
        return ALLOWED.get(this).isEmpty();
    }
}
