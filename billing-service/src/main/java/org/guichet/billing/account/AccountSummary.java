package org.guichet.billing.account;

/**
 * R2: what the account owes now (payable), what is accruing on items still overdue (shown, not
 * payable online until fixed), and their sum; the prepaid credit it holds (R14); the blocks in force
 * (R6), whether it went to collections (R16) and, for a proxy, its principal (R9).
 */
public record AccountSummary(String accountId, String currency, long currentCharges, long accruedNotPayable,
                             long total, long credit, java.util.List<String> blocks, boolean inCollections,
                             String principalAccountId) {
}
