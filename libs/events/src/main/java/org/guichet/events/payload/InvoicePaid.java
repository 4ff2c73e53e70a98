package org.guichet.events.payload;

/** Money applied to an invoice; {@code outstanding} 0 means fully paid. */
public record InvoicePaid(String invoiceId, String accountId, String paymentId, long amountApplied,
                          long outstanding, String currency, boolean fullyPaid) {
}
