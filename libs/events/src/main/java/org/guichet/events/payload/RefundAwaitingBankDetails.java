package org.guichet.events.payload;

/**
 * A refund the gateway could not make (no refund API, the card is gone): the payer is asked for a
 * bank account at {@code formUrl}; the money follows by SEPA credit transfer, then RefundIssued.
 */
public record RefundAwaitingBankDetails(String manualRefundId, String refundId, String paymentId, String reference,
                                        String regie, long amount, String currency, String reason, String formUrl,
                                        Payer payer) {
}
