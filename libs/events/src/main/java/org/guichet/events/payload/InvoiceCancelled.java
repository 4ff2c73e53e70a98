package org.guichet.events.payload;

/** A bill was cancelled before anything of it was paid or waived (R5); it is owed no more. */
public record InvoiceCancelled(String invoiceId, String accountId, long amount, String currency, String operator,
                              String notes) {
}
