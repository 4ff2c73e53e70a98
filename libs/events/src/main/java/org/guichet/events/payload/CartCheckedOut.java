package org.guichet.events.payload;

import java.util.List;
import java.util.Map;

/** A checkout asks for one payment per régie group; never one payment across régies. */
public record CartCheckedOut(String checkoutId, Payer payer, String returnUrl, List<PaymentRequest> payments) {

    /**
     * One payment to make; {@code accountingCode} is the régie's code in the accounts (for finance's exports).
     * {@code appliedPayments}: for each bill (invoice id) the cart priced, the payments billing had applied to it
     * then — another payment that settled the bill and is not among them was not counted in the price. A bill
     * absent from it (an older producer, an item projected before the cart recorded them) is not known.
     */
    public record PaymentRequest(String paymentId, String regie, long amount, String currency,
                                 List<PaymentLine> lines, String accountingCode, Map<String, List<String>> appliedPayments) {

        public PaymentRequest(String paymentId, String regie, long amount, String currency, List<PaymentLine> lines,
                              String accountingCode) {
            this(paymentId, regie, amount, currency, lines, accountingCode, null);
        }

        public PaymentRequest(String paymentId, String regie, long amount, String currency, List<PaymentLine> lines) {
            this(paymentId, regie, amount, currency, lines, null, null);
        }
    }
}
