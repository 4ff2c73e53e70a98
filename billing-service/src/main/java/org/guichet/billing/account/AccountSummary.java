package org.guichet.billing.account;

/**
 * R2: what the account owes now (payable), what is accruing on items still overdue (shown, not
 * payable online until fixed), and their sum; and the prepaid credit it holds (R14).
 */
public record AccountSummary(String accountId, String currency, long currentCharges, long accruedNotPayable,
                             long total, long credit) {
}
