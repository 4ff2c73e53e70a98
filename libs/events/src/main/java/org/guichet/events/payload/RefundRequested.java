package org.guichet.events.payload;

/** Billing asks payment-service to give money of a paid bill back through the payment that brought it (R7). */
public record RefundRequested(String refundId, String invoiceId, String accountId, String paymentId, long amount,
                              String currency, String reason, String operator) {
}
