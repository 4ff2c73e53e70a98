package org.guichet.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tokens Keycloak issued. Users are registered through Keycloak's admin API (username, names, email,
 * the {@code tenant} and {@code locale} attributes, one realm role, a password), then logged in with
 * the password grant of the realm's {@code guichet-cli} client. The subject is Keycloak's user id.
 */
public final class KeycloakIdentities implements Identities {
    static final String REALM = "guichet";
    static final String CLIENT = "guichet-cli";

    private final String baseUrl;
    private final String adminUser;
    private final String adminPassword;

    /** {@code baseUrl}: Keycloak's root, e.g. http://127.0.0.1:8180. */
    public KeycloakIdentities(String baseUrl, String adminUser, String adminPassword) {
        this.baseUrl = baseUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    @Override
    public Identity login(String name, String tenant, String role, String firstName, String lastName,
                          String email, String locale) {
        // the realm outlives a run: each run registers users of its own
        String username = name + "." + UUID.randomUUID().toString().substring(0, 6);
        String password = UUID.randomUUID().toString();
        String admin = token("master", "admin-cli", adminUser, adminPassword);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("firstName", firstName == null ? username : firstName);
        user.put("lastName", lastName == null ? tenant : lastName);
        user.put("email", email == null ? username + "@users.guichet.example" : email);
        user.put("emailVerified", true);
        user.put("attributes", Map.of("tenant", List.of(tenant), "locale", List.of(locale == null ? "en" : locale)));
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        Http.Reply created = Http.postJson(admin(""), admin, user, Map.of());
        if (created.status() != 201) {
            throw new JourneyFailure("Keycloak did not register " + username + ": " + created.status() + " " + created.body());
        }
        String location = created.header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode realmRole = Journey.expect(Http.get(baseUrl + "/admin/realms/" + REALM + "/roles/" + role, admin),
                200, "Keycloak role " + role).json();
        Journey.expect(Http.postJson(admin("/" + id + "/role-mappings/realm"), admin, List.of(realmRole), Map.of()),
                204, "Keycloak role mapping");
        String token = token(REALM, CLIENT, username, password);
        String subject = claims(token).path("sub").asText();
        if (!subject.equals(id)) {
            throw new JourneyFailure("Keycloak's token names " + subject + ", not the user " + id);
        }
        return new Identity(subject, token);
    }

    private String admin(String path) {
        return baseUrl + "/admin/realms/" + REALM + "/users" + path;
    }

    private String token(String realm, String client, String username, String password) {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", client, "username", username,
                "password", password, "scope", "openid");
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        Http.Reply reply = Journey.expect(Http.postForm(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token",
                body), 200, "Keycloak token for " + username);
        return reply.json().path("access_token").asText();
    }

    /** The token's claims, read (not verified: the services verify it) to learn the subject. */
    static JsonNode claims(String jwt) {
        try {
            return Http.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new JourneyFailure("Keycloak's token is not a JWT");
        }
    }
}
