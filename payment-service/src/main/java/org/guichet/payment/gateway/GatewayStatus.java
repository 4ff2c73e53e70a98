package org.guichet.payment.gateway;

/**
 * What a gateway says of a payment, in generic terms. UNKNOWN means "we do not know" (timeout,
 * 5xx, unparsable answer): it goes to reconciliation and never becomes FAILED by guess.
 */
public enum GatewayStatus {
    OPEN, PENDING, PAID, FAILED, CANCELLED, EXPIRED, UNKNOWN
}
