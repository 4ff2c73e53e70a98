package org.guichet.billing.invoice;

import org.guichet.events.EventType;
import org.guichet.platform.state.Transitions;

/**
 * An invoice's lifecycle. {@link #TRANSITIONS} is the only source of allowed moves; an illegal one is an
 * operator's request the bill's state forbids, refused with 409. A payment and a waiver both move a bill
 * to PARTIALLY_PAID or PAID (InvoicePaid or InvoiceWaived), so those edges name no single event.
 */
public enum InvoiceState {
    OPEN, PARTIALLY_PAID, PAID, WAIVED, CANCELLED;

    public static final Transitions<InvoiceState> TRANSITIONS = Transitions.of(InvoiceState.class).startingAt(OPEN)
            .from(OPEN, PARTIALLY_PAID).to(PARTIALLY_PAID, PAID)
            .from(OPEN, PARTIALLY_PAID).to(WAIVED).emitting(EventType.INVOICE_WAIVED)
            .from(OPEN).to(CANCELLED).emitting(EventType.INVOICE_CANCELLED)
            .rejectingIllegal();

    /** Settled invoices leave the current charges for the account history (R3). */
    public boolean isClosed() {
        return TRANSITIONS.isFinal(this);
    }
}
