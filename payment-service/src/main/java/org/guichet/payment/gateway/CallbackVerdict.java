package org.guichet.payment.gateway;

/**
 * What a callback says, once checked. {@code status} is trusted only for signed schemes; for
 * unsigned ones the adapter leaves it UNKNOWN and the engine fetches the status back.
 */
public record CallbackVerdict(boolean verified, String gatewayRef, GatewayStatus status, String reason) {
    public static CallbackVerdict rejected(String reason) {
        return new CallbackVerdict(false, null, GatewayStatus.UNKNOWN, reason);
    }
}
