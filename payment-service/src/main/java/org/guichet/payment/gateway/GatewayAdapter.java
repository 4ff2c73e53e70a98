package org.guichet.payment.gateway;

import io.smallrye.mutiny.Uni;
import org.guichet.payment.payment.Payment;

import java.util.Map;

/** One payment gateway's protocol. Adapters talk HTTP to the gateway; only the base URL differs in tests. */
public interface GatewayAdapter {

    String name();

    /** Whether régies may use it here (the sandbox only where enabled). */
    default boolean enabled() {
        return true;
    }

    /** Creates the payment at the gateway; the result says where to send the citizen. */
    Uni<GatewaySession> create(Payment payment, String returnUrl, String notifyUrl);

    /** Checks a callback on its raw bytes; never trusts what it cannot verify. */
    CallbackVerdict verifyCallback(Map<String, String> headers, String rawBody);

    /** Asks the gateway for the payment's status: the authority when a callback is unsigned or missing. */
    Uni<GatewayStatus> lookup(Payment payment);

    /**
     * For gateways whose payment page is reached by a browser form-POST (Ogone, Sips): the form to
     * post, built when the citizen is sent. Redirect gateways have none.
     */
    default java.util.Optional<FormPost> formPost(Payment payment, String returnUrl, String notifyUrl) {
        return java.util.Optional.empty();
    }

    /**
     * Gives {@code amount} of a settled payment back to the payer; {@code refundReference} makes a
     * repeated request return the first refund. Returns the gateway's refund id.
     */
    default Uni<String> refund(Payment payment, long amount, String refundReference) {
        return Uni.createFrom().failure(org.guichet.platform.error.Problems.unprocessable("refund-not-supported",
                "Gateway " + name() + " cannot refund through its API: refund by bank transfer"));
    }
}
