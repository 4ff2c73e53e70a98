package org.guichet.events.payload;

import java.util.List;

/** A checkout asks payment-service for one payment per régie group; never one payment across régies. */
public record CartCheckedOut(String checkoutId, Payer payer, String returnUrl, List<PaymentRequest> payments) {

    /** One payment to make; {@code accountingCode} is the régie's code in the accounts (for finance's exports). */
    public record PaymentRequest(String paymentId, String regie, long amount, String currency,
                                 List<PaymentLine> lines, String accountingCode) {

        public PaymentRequest(String paymentId, String regie, long amount, String currency, List<PaymentLine> lines) {
            this(paymentId, regie, amount, currency, lines, null);
        }
    }
}
