package org.guichet.platform.billing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.platform.http.OnBehalfCalls;
import org.guichet.platform.security.TokenExchange;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Asks billing-service about an account on behalf of the caller, with the caller's identity (their
 * token exchanged for one issued to this service, {@link TokenExchange}), so billing applies its own
 * rules to them (a citizen sees only their account, an agent only their institution's or one that
 * accepts their payments). billing's problems come back as the same problems; billing unreachable is
 * a 503 ({@link OnBehalfCalls}).
 */
@ApplicationScoped
public class BillingClient {
    @ConfigProperty(name = "guichet.services.billing-url", defaultValue = "http://127.0.0.1:8081")
    String billingUrl;
    @Inject
    OnBehalfCalls calls;

    /** The caller's own account (a citizen). */
    public Uni<Payability> mine(String bearer) {
        return get("/accounts/me/payability", bearer);
    }

    /** An account of {@code institution} (the caller's own, or one that accepts its payments, R10). */
    public Uni<Payability> of(String institution, String accountId, String bearer) {
        return get("/accounts/" + encode(accountId) + "/payability?institution=" + encode(institution), bearer);
    }

    private Uni<Payability> get(String path, String callerBearer) {
        return calls.get("billing", billingUrl + path, callerBearer, Payability.class);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
