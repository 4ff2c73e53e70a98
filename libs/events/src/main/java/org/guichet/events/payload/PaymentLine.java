package org.guichet.events.payload;

/**
 * One thing a payment pays for. {@code kind} says what {@code refId} points at: INVOICE (a
 * billing-service invoice id), PROCEDURE (a cart-service request id), ACCOUNT (an account id: its
 * bills are paid oldest first, the rest becomes credit) or DEPOSIT (an account id: money put on its
 * prepaid credit, R14).
 */
public record PaymentLine(String kind, String refId, String tenant, String description, long amount) {
    public static final String INVOICE = "INVOICE";
    public static final String ACCOUNT = "ACCOUNT";
    public static final String DEPOSIT = "DEPOSIT";
}
