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

    /**
     * For schemes signed with each régie's own key (Ogone, Sips): the gateway reference the callback names,
     * read before anything is verified, so that the payment — and so the régie whose key must verify it —
     * is found first. Empty for the others.
     */
    default java.util.Optional<String> namedReference(String rawBody) {
        return java.util.Optional.empty();
    }

    /**
     * Checks a callback on its raw bytes; never trusts what it cannot verify. {@code payment} is the one
     * {@link #namedReference} names (null when there is none, or none was named).
     */
    CallbackVerdict verifyCallback(Map<String, String> headers, String rawBody, Payment payment);

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
