package org.guichet.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.platform.error.ProblemException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A call from one service to another on a user's behalf carries a token the calling service obtained
 * with its own client credentials: the user's token exchanged at the provider (OAuth 2.0 Token
 * Exchange, RFC 8693). The callee sees the same user (subject, tenant, roles) and which service asks
 * ({@code azp}); the user's own token never travels further than the first service. Development-key
 * tokens (no provider to exchange them) are passed on as they are.
 * {@code guichet_token_exchanges_total{outcome=exchanged|passed-on|failed}} counts them.
 */
@ApplicationScoped
public class TokenExchange {
    private static final Logger LOG = Logger.getLogger(TokenExchange.class);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";

    @Inject
    ServiceCredentialsConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry registry;
    /** The development key's issuer, where the demo accepts its tokens (config/demo); none in production. */
    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    java.util.Optional<String> developmentIssuer;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** The {@code Authorization} value to send on behalf of the caller whose header is {@code bearer}. */
    public Uni<String> onBehalfOf(String bearer) {
        if (!config.enabled() || bearer == null || !bearer.startsWith("Bearer ")
                || developmentIssuer.filter(dev -> dev.equals(issuer(bearer.substring(7)))).isPresent()) {
            count("passed-on");
            return Uni.createFrom().item(bearer);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", TOKEN_EXCHANGE);
        form.put("client_id", config.clientId());
        form.put("client_secret", config.requireClientSecret());
        form.put("subject_token", bearer.substring(7));
        form.put("subject_token_type", ACCESS_TOKEN);
        form.put("requested_token_type", ACCESS_TOKEN);
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.tokenUrl())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))).build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(this::exchanged)
                .onFailure(e -> !(e instanceof ProblemException)).transform(e -> {
                    LOG.warnf("token exchange failed: %s", e.toString());
                    return unavailable("the identity provider could not be reached");
                });
    }

    private String exchanged(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            // the provider's answer names the reason (e.g. the client may not exchange): for the operator
            LOG.warnf("token exchange refused by the identity provider (%d): %s", response.statusCode(),
                    response.body());
            throw unavailable("the identity provider refused the exchange");
        }
        String token;
        try {
            token = mapper.readTree(response.body()).path("access_token").asText("");
        } catch (IOException e) {
            throw unavailable("unreadable answer of the identity provider");
        }
        if (token.isEmpty()) {
            throw unavailable("the identity provider's answer holds no token");
        }
        count("exchanged");
        return "Bearer " + token;
    }

    private ProblemException unavailable(String why) {
        count("failed");
        return new ProblemException(503, "identity-provider-unavailable", "Identity provider unavailable",
                "This service could not obtain a token to call another on your behalf: " + why, null);
    }

    private void count(String outcome) {
        registry.counter("guichet.token.exchanges", "outcome", outcome).increment();
    }

    /** The {@code iss} claim, read without verifying (the provider verifies what it exchanges). */
    private String issuer(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            JsonNode claims = mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims.path("iss").asText();
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }
}
