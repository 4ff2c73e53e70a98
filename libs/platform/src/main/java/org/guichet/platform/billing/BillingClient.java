package org.guichet.platform.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.platform.error.Problem;
import org.guichet.platform.error.ProblemException;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.TokenExchange;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks billing-service about an account on behalf of the caller, with the caller's identity (their
 * token exchanged for one issued to this service, {@link TokenExchange}), so billing applies its own
 * rules to them (a citizen sees only their account, an agent only their institution's or one that
 * accepts their payments). billing's problems come back as
 * the same problems; billing unreachable is a 503.
 */
@ApplicationScoped
public class BillingClient {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @ConfigProperty(name = "guichet.services.billing-url", defaultValue = "http://127.0.0.1:8081")
    String billingUrl;
    @Inject
    ObjectMapper mapper;
    @Inject
    TokenExchange tokenExchange;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** The caller's own account (a citizen). */
    public Uni<Payability> mine(String bearer) {
        return get("/accounts/me/payability", bearer);
    }

    /** An account of {@code institution} (the caller's own, or one that accepts its payments, R10). */
    public Uni<Payability> of(String institution, String accountId, String bearer) {
        return get("/accounts/" + encode(accountId) + "/payability?institution=" + encode(institution), bearer);
    }

    private Uni<Payability> get(String path, String callerBearer) {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        Uni<String> bearer = tokenExchange.onBehalfOf(callerBearer);
        if (context != null) {
            // the exchange answers on the JDK client's thread, failures included: back to the caller's context
            bearer = bearer.emitOn(command -> context.runOnContext(ignored -> command.run()));
        }
        return bearer.flatMap(token -> get(path, token, context));
    }

    private Uni<Payability> get(String path, String bearer, io.vertx.core.Context context) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(billingUrl + path)).timeout(TIMEOUT)
                .header("Authorization", bearer).header("Accept", "application/json").GET().build();
        // the JDK client answers on its own thread: come back to the caller's Vert.x context, where
        // its reactive database session lives
        Uni<HttpResponse<String>> answer = Uni.createFrom()
                .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        if (context != null) {
            answer = answer.emitOn(command -> context.runOnContext(ignored -> command.run()));
        }
        return answer
                .onFailure(e -> !(e instanceof ProblemException))
                .transform(e -> new ProblemException(503, "billing-unavailable", "Billing unavailable",
                        "billing-service could not be asked: " + e.getMessage(), null))
                .map(this::read);
    }

    private Payability read(HttpResponse<String> response) {
        try {
            if (response.statusCode() == 200) {
                return mapper.readValue(response.body(), Payability.class);
            }
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw Problems.forbidden("billing-service refused this caller");
            }
            Problem problem = mapper.readValue(response.body(), Problem.class);
            String slug = problem.type() == null ? "billing-error" : problem.type().substring(problem.type().lastIndexOf('/') + 1);
            throw new ProblemException(response.statusCode(), slug, problem.title(), problem.detail(), problem.errors());
        } catch (java.io.IOException e) {
            throw new ProblemException(502, "billing-error", "Billing error",
                    "billing-service answered " + response.statusCode() + " with an unreadable body", null);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
