package org.guichet.events.payload;

/**
 * The payer's bank account was given on a refund form (M2): the payer is told, so that an account
 * given by someone else who read the link is noticed before the transfer. The IBAN is masked
 * (country, check digits and last four characters), never in full.
 */
public record RefundBankDetailsGiven(String manualRefundId, String refundId, String paymentId, String reference,
                                     String regie, long amount, String currency, String maskedIban, String holderName,
                                     Payer payer) {
}
