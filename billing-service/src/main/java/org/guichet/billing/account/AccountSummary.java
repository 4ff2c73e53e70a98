package org.guichet.billing.account;

/**
 * R2: what the account owes now (payable: {@code currentCharges}, the counter's "total due"), the part of it
 * whose due date has passed ({@code overdue}: the bills issued more than the institution's payment term before
 * its today), what is accruing on items still overdue (shown, not payable online until fixed), and
 * {@code total}, current charges plus accruing; the prepaid credit it holds (R14); the blocks in force (R6),
 * whether it went to collections (R16) and, for a proxy, its principal (R9). The account's own bills: a
 * principal's counter payment also covers its proxies' (its payability's {@code balance} and {@code overdue}).
 */
public record AccountSummary(String accountId, String currency, long currentCharges, long overdue,
                             long accruedNotPayable, long total, long credit, java.util.List<String> blocks,
                             boolean inCollections, String principalAccountId) {
}
