package org.guichet.billing.account;

/**
 * R2: what the account owes now (payable), what is accruing on items still overdue (shown, not
 * payable online until fixed), and their sum.
 */
public record AccountSummary(String accountId, String currency, long currentCharges, long accruedNotPayable,
                             long total) {
}
