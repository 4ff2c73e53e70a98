package org.guichet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The authorization matrix of a running service, generated from its own OpenAPI document: for every
 * operation and every caller — nobody, and a user of each role — the answer it must give. The roles an
 * operation admits are the ones its security requirement names (Quarkus writes them from
 * {@code @RolesAllowed}). Expected: nobody gets 401, a role not named gets 403, both as problem+json,
 * before anything is read or changed; a role named is let through (never 401 or 403 for being who it
 * is) on the reads — writes are not sent with admitted roles, so the matrix changes no data — and no
 * answer is a 5xx. Browser pages send whoever has no session to the login. Ids in paths are random:
 * another user's objects cannot be guessed.
 */
public final class AuthorizationMatrix {
    public static final List<String> ROLES = List.of("citizen", "agent", "restricted-agent", "supervisor",
            "finance", "admin", "operator");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** One cell that does not hold: operation, caller, what came back and what was expected. */
    public record Violation(String method, String path, String caller, int status, String expected) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " as " + caller + ": " + status + ", expected " + expected;
        }
    }

    /** What was checked, for the report, and what did not hold. */
    public record Result(int operations, int secured, int cells, List<Violation> violations) {
    }

    private AuthorizationMatrix() {
    }

    /** Runs the matrix, prints its figures and every violation, and fails when there is one. */
    public static void check(String service, String tenant, List<String> publicPaths) {
        Result result = run(tenant, publicPaths);
        System.out.printf("authorization matrix of %s: %d operations, %d secured, %d cells, %d violations%n",
                service, result.operations(), result.secured(), result.cells(), result.violations().size());
        result.violations().forEach(v -> System.out.println("  " + v));
        if (result.secured() == 0) {
            throw new AssertionError("the OpenAPI document of " + service + " names no roles");
        }
        if (!result.violations().isEmpty()) {
            throw new AssertionError("violations: " + result.violations());
        }
    }

    /**
     * Runs the matrix against the service under test (RestAssured's default base URI and port). Operations
     * whose paths start with one of {@code publicPaths} may name no role (gateway callbacks, hosted pages); any other operation that
     * names none is a violation — an endpoint that lost its {@code @RolesAllowed} does not slip through.
     */
    public static Result run(String tenant, List<String> publicPaths) {
        JsonNode openApi = read(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        JsonNode defaultSecurity = openApi.path("security");
        int operations = 0;
        int secured = 0;
        int cells = 0;
        List<Violation> violations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                JsonNode security = op.getValue().has("security") ? op.getValue().path("security") : defaultSecurity;
                Set<String> admitted = admittedRoles(security);
                if (admitted == null) {
                    if (publicPaths.stream().noneMatch(path.getKey()::startsWith)) {
                        violations.add(new Violation(op.getKey(), path.getKey(), "anyone", 0,
                                "roles named (or the path listed as public)"));
                    }
                    continue; // public by design (gateway callbacks, hosted pages): checked by their own tests
                }
                secured++;
                String method = op.getKey();
                String url = concrete(path.getKey());
                String bodyType = bodyType(op.getValue());
                cells++;
                check(violations, method, path.getKey(), "nobody", send(given(), method, url, bodyType), 401);
                for (String role : ROLES) {
                    boolean admits = admitted.isEmpty() || admitted.contains(role);
                    if (admits && !method.equals("get")) {
                        continue;
                    }
                    cells++;
                    RequestSpecification as = given().auth()
                            .oauth2(DevTokens.mint("matrix-" + UUID.randomUUID(), tenant, role));
                    Response answer = send(as, method, url, bodyType);
                    check(violations, method, path.getKey(), role, answer, admits ? -1 : 403);
                }
            }
        }
        return new Result(operations, secured, cells, violations);
    }

    /** Roles named by the first requirement; empty when any authenticated user will do; null when public. */
    private static Set<String> admittedRoles(JsonNode security) {
        if (security.isMissingNode() || !security.isArray() || security.isEmpty()) {
            return null;
        }
        Set<String> roles = new LinkedHashSet<>();
        security.forEach(requirement -> requirement.fields()
                .forEachRemaining(scheme -> scheme.getValue().forEach(r -> roles.add(r.asText()))));
        return roles;
    }

    private static void check(List<Violation> violations, String method, String path, String caller,
                              Response answer, int expected) {
        int status = answer.statusCode();
        String contentType = answer.contentType() == null ? "" : answer.contentType();
        String location = answer.header("Location");
        if (status == 302 && location != null && location.contains("/protocol/openid-connect/auth")) {
            // a browser page (the back office): whoever has no session is sent to the login, bearer or not;
            // the pages themselves are tested in a browser with a real login (BackOfficeBrowserTest)
            return;
        }
        if (status >= 500) {
            violations.add(new Violation(method, path, caller, status, "no server error"));
        } else if (expected > 0 && status != expected) {
            violations.add(new Violation(method, path, caller, status, String.valueOf(expected)));
        } else if (expected < 0 && (status == 401 || status == 403)) {
            violations.add(new Violation(method, path, caller, status, "let through (a role the operation names)"));
        } else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            violations.add(new Violation(method, path, caller, status, "application/problem+json, got " + contentType));
        }
    }

    /** The media type of the operation's body as its document declares it (JSON first), or null. */
    private static String bodyType(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        return content.has("application/json") ? "application/json" : content.fieldNames().next();
    }

    private static Response send(RequestSpecification spec, String method, String url, String bodyType) {
        RequestSpecification request = spec.redirects().follow(false);
        if (bodyType != null) {
            // a body of the declared type, empty of meaning: refused callers must never get as far as reading it
            request = request.config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                            .encodeContentTypeAs(bodyType, ContentType.TEXT)))
                    .contentType(bodyType).body(bodyType.contains("json") ? "{}" : "x");
        }
        return switch (method) {
            case "get" -> request.get(url);
            case "post" -> request.post(url);
            case "put" -> request.put(url);
            case "patch" -> request.patch(url);
            default -> request.delete(url);
        };
    }

    /** A path template with random ids: nobody's object, and not one that could be guessed. */
    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
