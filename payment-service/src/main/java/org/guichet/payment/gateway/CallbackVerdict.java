package org.guichet.payment.gateway;

/**
 * What a callback says, once checked. {@code status} is trusted only for signed schemes; for
 * unsigned ones the adapter leaves it UNKNOWN and the engine fetches the status back. A signed
 * callback whose amount or currency is not the payment's is {@code verified} but carries a
 * {@code mismatch}: it is recorded and the payment flagged, never applied.
 */
public record CallbackVerdict(boolean verified, String gatewayRef, GatewayStatus status, String reason, String mismatch) {
    public CallbackVerdict(boolean verified, String gatewayRef, GatewayStatus status, String reason) {
        this(verified, gatewayRef, status, reason, null);
    }

    public static CallbackVerdict rejected(String reason) {
        return new CallbackVerdict(false, null, GatewayStatus.UNKNOWN, reason, null);
    }

    /** Signed by the payment's régie, status trusted — unless the signed amount or currency differ from the payment's. */
    public static CallbackVerdict signed(String gatewayRef, GatewayStatus status, String mismatch) {
        return new CallbackVerdict(true, gatewayRef, status, null, mismatch);
    }
}
