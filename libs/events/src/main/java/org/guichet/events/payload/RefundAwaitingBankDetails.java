package org.guichet.events.payload;

/**
 * A refund the gateway could not make (no refund API, the card is gone): the payer is asked for a bank
 * account on a single-use form; the money follows by SEPA credit transfer, then RefundIssued.
 *
 * <p>v2: the form's link travels sealed ({@code sealedFormUrl}, opened with
 * {@code org.guichet.platform.security.EventSeal} for the context {@code manualRefundId}), so the topic does
 * not hand out refund links to whoever reads it. A v1 event, still on the topic, carried it as {@code formUrl}.
 */
public record RefundAwaitingBankDetails(String manualRefundId, String refundId, String paymentId, String reference,
                                        String regie, long amount, String currency, String reason,
                                        String sealedFormUrl, Payer payer) {
}
