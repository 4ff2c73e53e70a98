package org.guichet.platform.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * billing-service's answer to "what may be paid on this account, and how" — asked by the counter
 * (payment-service) and the online checkout (cart-service) before any money is taken: the balance of
 * the account and its proxies (R9), whether only all of it may be paid (R16), whether it may pay
 * online (R15), the institution's counter payment modes (R4) and régie, and its open bills oldest
 * first. {@code balance} is the total due, {@code overdue} the part of it past the institution's payment
 * term (PartnerNet's "montant en souffrance"). {@code refusal} says why it cannot be paid here at all (PROXY).
 * Each open bill lists the payments billing has already applied to it, so a payer can tell a payment it
 * settled that billing has not applied yet (still in flight) from one already counted in {@code outstanding}.
 * {@code paymentModes} are the codes of the counter's modes; {@code modes} the same modes with the kind that
 * says which fields each needs (an older billing sends none: {@link #mode} then infers them from the codes).
 */
public record Payability(String accountId, String institution, String regie, String currency, long balance, long overdue,
                         boolean fullBalanceOnly, boolean payable, String refusal, String principalAccountId,
                         boolean onlinePaymentAllowed, LocalDate registrationValidUntil, List<String> paymentModes,
                         List<OpenBill> bills, List<PaymentMode> modes) {

    public Payability {
        paymentModes = paymentModes == null ? List.of() : List.copyOf(paymentModes);
        modes = modes == null || modes.isEmpty() ? paymentModes.stream().map(PaymentMode::inferred).toList()
                : List.copyOf(modes);
    }

    /** Modes inferred from their codes (CASH, CHEQUE, any other a reference). */
    public Payability(String accountId, String institution, String regie, String currency, long balance, long overdue,
                      boolean fullBalanceOnly, boolean payable, String refusal, String principalAccountId,
                      boolean onlinePaymentAllowed, LocalDate registrationValidUntil, List<String> paymentModes,
                      List<OpenBill> bills) {
        this(accountId, institution, regie, currency, balance, overdue, fullBalanceOnly, payable, refusal,
                principalAccountId, onlinePaymentAllowed, registrationValidUntil, paymentModes, bills, null);
    }

    /** The counter mode of this code, if the institution takes it. */
    public Optional<PaymentMode> mode(String code) {
        return modes.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    public record OpenBill(String id, String number, long outstanding, List<String> appliedPayments) {
        public OpenBill {
            appliedPayments = appliedPayments == null ? List.of() : List.copyOf(appliedPayments);
        }

        public OpenBill(String id, String number, long outstanding) {
            this(id, number, outstanding, List.of());
        }
    }

    /**
     * A way the institution takes money at the counter (R4): its code (stored on the payment), what the desk
     * shows, and its kind — which fields the counter asks for.
     */
    public record PaymentMode(String code, Kind kind, String label, boolean referenceRequired) {
        public PaymentMode {
            label = label == null || label.isBlank() ? code : label;
        }

        /** What an older billing's bare code means: CASH and CHEQUE as named, any other a reference, required. */
        public static PaymentMode inferred(String code) {
            Kind kind = "CASH".equals(code) ? Kind.CASH : "CHEQUE".equals(code) ? Kind.CHEQUE : Kind.REFERENCE;
            return new PaymentMode(code, kind, null, kind == Kind.REFERENCE);
        }
    }

    /** Which fields a counter payment of a mode needs. */
    public enum Kind {
        /** The amount tendered; the change is computed. */
        CASH,
        /** The cheque's number and bank. */
        CHEQUE,
        /** A reference text: a card terminal's ticket number, a bank transfer's reference. */
        REFERENCE
    }
}
