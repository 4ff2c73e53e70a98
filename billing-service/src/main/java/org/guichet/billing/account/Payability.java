package org.guichet.billing.account;

import java.time.LocalDate;

/**
 * What may be paid on an account and by whom, for the counter (payment-service) and the online
 * checkout (cart-service) to ask before money is taken: the balance of the account and its proxies
 * (R9), whether only all of it may be paid (R16), whether it may pay online (R15), and why not
 * when it cannot be paid here at all ({@code refusal}: PROXY, INSTITUTION).
 */
public record Payability(String accountId, String institution, String currency, long balance, boolean fullBalanceOnly,
                         boolean payable, String refusal, String principalAccountId, boolean onlinePaymentAllowed,
                         LocalDate registrationValidUntil) {
}
