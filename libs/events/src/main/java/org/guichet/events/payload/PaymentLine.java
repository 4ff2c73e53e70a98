package org.guichet.events.payload;

/**
 * One thing a payment pays for. {@code kind} says what {@code refId} points at: INVOICE (a
 * billing-service invoice id) or PROCEDURE (a cart-service request id).
 */
public record PaymentLine(String kind, String refId, String tenant, String description, long amount) {
    public static final String INVOICE = "INVOICE";
}
