package org.guichet.payment.refund;

import org.guichet.events.payload.RefundRequested;

/**
 * Money of one payment to give back for one bill: asked by billing (RefundRequested) or by this
 * service for a bill paid twice. {@code refundId} is the idempotency key everywhere: the gateway's
 * refund reference, the manual refund's unique key, RefundIssued's refundId.
 */
public record RefundOrder(String refundId, String invoiceId, String paymentId, long amount, String reason) {

    static RefundOrder of(RefundRequested asked) {
        return new RefundOrder(asked.refundId(), asked.invoiceId(), asked.paymentId(), asked.amount(), asked.reason());
    }
}
