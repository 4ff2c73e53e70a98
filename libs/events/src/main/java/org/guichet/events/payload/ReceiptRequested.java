package org.guichet.events.payload;

/**
 * Someone asked for a settled payment's receipt to be sent (again), to the payer's address or to
 * another one for this receipt only (R12); {@code payment} is what the receipt prints.
 */
public record ReceiptRequested(String paymentId, String receiptNumber, String email, String language,
                               String requestedBy, PaymentSettled payment) {
}
