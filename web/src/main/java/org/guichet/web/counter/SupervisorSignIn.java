package org.guichet.web.counter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * R11 at the desk: the supervisor comes to the agent's screen and types their own credentials, which the desk
 * exchanges once at the provider for a token of theirs (the password grant of the desk's client). The token is used
 * for the one override grant and then forgotten; it never enters the agent's session.
 */
@ApplicationScoped
public class SupervisorSignIn {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ConfigProperty(name = "guichet.desk.token-url")
    String tokenUrl;
    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;
    @ConfigProperty(name = "quarkus.oidc.credentials.secret")
    String clientSecret;

    /** Thrown when the provider does not accept the credentials typed. */
    public static class Refused extends RuntimeException {
        Refused() {
            super("credentials refused");
        }
    }

    /** The supervisor's access token, for an {@code Authorization: Bearer} header. */
    public String bearer(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new Refused();
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("username", username.strip());
        form.put("password", password);
        form.put("scope", "openid");
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Refused();
            }
            JsonNode token = JSON.readTree(response.body());
            return "Bearer " + token.path("access_token").asText();
        } catch (IOException e) {
            throw new jakarta.ws.rs.ProcessingException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new jakarta.ws.rs.ProcessingException(e);
        }
    }
}
