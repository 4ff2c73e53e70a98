package org.guichet.events.payload;

/**
 * Money went onto an account's prepaid credit (R14): a deposit, or what a payment brought beyond
 * the bills it paid. {@code balance} is the credit after it.
 */
public record CreditDeposited(String accountId, long amount, long balance, String currency, String source,
                              String paymentId) {
    public static final String DEPOSIT = "DEPOSIT";
    public static final String OVERPAYMENT = "OVERPAYMENT";
    /** A paid bill refunded as credit (R7). */
    public static final String REFUND = "REFUND";
}
