package org.guichet.platform.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * billing-service's answer to "what may be paid on this account, and how" — asked by the counter
 * (payment-service) and the online checkout (cart-service) before any money is taken: the balance of
 * the account and its proxies (R9), whether only all of it may be paid (R16), whether it may pay
 * online (R15), the institution's counter payment modes (R4) and régie, and its open bills oldest
 * first. {@code balance} is the total due, {@code overdue} the part of it past the institution's payment
 * term (PartnerNet's "montant en souffrance"). {@code refusal} says why it cannot be paid here at all (PROXY).
 * Each open bill lists the payments billing has already applied to it, so a payer can tell a payment it
 * settled that billing has not applied yet (still in flight) from one already counted in {@code outstanding}.
 */
public record Payability(String accountId, String institution, String regie, String currency, long balance, long overdue,
                         boolean fullBalanceOnly, boolean payable, String refusal, String principalAccountId,
                         boolean onlinePaymentAllowed, LocalDate registrationValidUntil, List<String> paymentModes,
                         List<OpenBill> bills) {

    public record OpenBill(String id, String number, long outstanding, List<String> appliedPayments) {
        public OpenBill {
            appliedPayments = appliedPayments == null ? List.of() : List.copyOf(appliedPayments);
        }

        public OpenBill(String id, String number, long outstanding) {
            this(id, number, outstanding, List.of());
        }
    }
}
