package org.guichet.events.payload;

/**
 * A refund billing asked for could not be made ({@code reason}: the gateway refused, the payment is
 * not refundable, more than what is left): billing releases what it had reserved on the bill.
 */
public record RefundFailed(String refundId, String paymentId, String invoiceId, long amount, String currency,
                           String gateway, String reason) {
}
