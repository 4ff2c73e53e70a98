package org.guichet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Hostile bodies for every operation of a running service that reads JSON, generated from its own
 * OpenAPI document and sent as a user the operation admits: malformed JSON, JSON nested 100,000 deep,
 * the wrong JSON type, bytes that are not UTF-8 — each must be a 400 problem+json — and bodies shaped
 * as the schema says whose values are hostile (SQL and template injection strings, negative, overflowing
 * and fractional amounts, impossible dates, a forged owner/tenant/status), which may be accepted or
 * refused but never answered with a 5xx; every query parameter of the reads set to the same strings, a
 * NUL and an overflowing number, never a 5xx either. Operations under /admin are left out (they rebuild
 * or purge).
 */
public final class HostileInput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final List<String> STRINGS = List.of("' OR '1'='1'; drop table invoice; --", "{{7*7}}${7*7}#{7*7}<%= 7*7 %>",
            "<script>alert(1)</script>", "\u0000\uFFFF\uD83D\uDE00", "x".repeat(10_000));

    public record Finding(String method, String path, String input, int status, String detail) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " with " + input + ": " + status + " " + detail;
        }
    }

    public record Result(int operations, int requests, List<Finding> findings) {
    }

    private HostileInput() {
    }

    /** Sends the hostile input, prints its figures and every finding, and fails when there is one. */
    public static void check(String service, String tenant) {
        Result result = run(tenant);
        System.out.printf("hostile input to %s: %d operations reading JSON, %d requests, %d findings%n",
                service, result.operations(), result.requests(), result.findings().size());
        result.findings().forEach(f -> System.out.println("  " + f));
        if (!result.findings().isEmpty()) {
            throw new AssertionError("findings: " + result.findings());
        }
    }

    public static Result run(String tenant) {
        JsonNode openApi = read(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        int operations = 0;
        int requests = 0;
        List<Finding> findings = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().contains("/admin")) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("get")) {
                    requests += hostileQueries(findings, path.getKey(), op.getValue(), tenant);
                    continue;
                }
                JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                if (schema.isMissingNode()) {
                    continue;
                }
                operations++;
                String method = op.getKey();
                String url = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                String role = role(op.getValue());
                Map<String, byte[]> broken = Map.of(
                        "malformed JSON", "{\"amount\": 12,".getBytes(),
                        "JSON nested 100000 deep", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(),
                        "the wrong JSON type", "\"a string, not an object\"".getBytes(),
                        "bytes that are not UTF-8", new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
                if (schema.path("type").asText("object").equals("array") || isArray(openApi, schema)) {
                    broken = Map.of("malformed JSON", "[{".getBytes(), "bytes that are not UTF-8",
                            new byte[]{'[', '"', (byte) 0xFF, '"', ']'});
                }
                for (Map.Entry<String, byte[]> b : broken.entrySet()) {
                    requests++;
                    Response answer = send(as(role, tenant), method, url, b.getValue());
                    int status = answer.statusCode();
                    // 404 is fine when the object the path names does not exist and is looked up first;
                    // 401 for the public operations that authenticate otherwise (the sandbox gateway's API key)
                    boolean otherAuth = status == 401 && !op.getValue().has("security");
                    if (status != 400 && status != 404 && !otherAuth) {
                        findings.add(new Finding(method, path.getKey(), b.getKey(), status, "expected 400"));
                    } else if (!String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
                        findings.add(new Finding(method, path.getKey(), b.getKey(), status, "not problem+json"));
                    }
                }
                for (int variant = 0; variant < STRINGS.size(); variant++) {
                    JsonNode body = shaped(openApi, schema, variant, 0);
                    requests++;
                    Response answer = send(as(role, tenant), method, url, body.toString().getBytes(
                            java.nio.charset.StandardCharsets.UTF_8));
                    int status = answer.statusCode();
                    if (status >= 500) {
                        findings.add(new Finding(method, path.getKey(), "hostile values #" + variant, status,
                                answer.asString()));
                    } else if (status >= 400 && !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
                        findings.add(new Finding(method, path.getKey(), "hostile values #" + variant, status, "not problem+json"));
                    }
                }
            }
        }
        return new Result(operations, requests, findings);
    }

    /** Every query parameter of a read set to each hostile string (and to a NUL): never a 5xx. */
    private static int hostileQueries(List<Finding> findings, String path, JsonNode operation, String tenant) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(p -> {
            if (p.path("in").asText().equals("query")) {
                names.add(p.path("name").asText());
            }
        });
        if (names.isEmpty() || !operation.has("security")) {
            return 0;
        }
        String url = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        int sent = 0;
        List<String> values = new ArrayList<>(STRINGS.subList(0, 3));
        values.add("a\u0000b");
        values.add("-9223372036854775809");
        for (String name : names) {
            for (String value : values) {
                sent++;
                Response answer = as(role(operation), tenant).queryParam(name, value).get(url);
                int status = answer.statusCode();
                if (status >= 500) {
                    findings.add(new Finding("get", path, "?" + name + "=" + value.substring(0, Math.min(20, value.length())),
                            status, answer.asString()));
                } else if (status >= 400 && !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
                    findings.add(new Finding("get", path, "?" + name, status, "not problem+json"));
                }
            }
        }
        return sent;
    }

    /** A role the operation admits (an agent's where it may), so the body is actually read. */
    private static String role(JsonNode operation) {
        List<String> admitted = new ArrayList<>();
        operation.path("security").forEach(r -> r.fields().forEachRemaining(s -> s.getValue()
                .forEach(x -> admitted.add(x.asText()))));
        for (String preferred : List.of("agent", "admin", "finance", "supervisor", "citizen", "restricted-agent")) {
            if (admitted.contains(preferred)) {
                return preferred;
            }
        }
        return admitted.isEmpty() ? "agent" : admitted.get(0);
    }

    private static RequestSpecification as(String role, String tenant) {
        return given().auth().oauth2(DevTokens.mint("hostile-" + UUID.randomUUID(), tenant, role))
                .redirects().follow(false);
    }

    private static Response send(RequestSpecification request, String method, String url, byte[] body) {
        request = request.contentType("application/json").body(body);
        return switch (method) {
            case "post" -> request.post(url);
            case "put" -> request.put(url);
            case "patch" -> request.patch(url);
            default -> request.delete(url);
        };
    }

    private static boolean isArray(JsonNode openApi, JsonNode schema) {
        return resolve(openApi, schema).path("type").asText().equals("array");
    }

    private static JsonNode resolve(JsonNode openApi, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null) {
            return schema;
        }
        return openApi.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** A value for {@code schema} whose every leaf is hostile in the way {@code variant} picks. */
    static JsonNode shaped(JsonNode openApi, JsonNode schemaOrRef, int variant, int depth) {
        JsonNode schema = resolve(openApi, schemaOrRef);
        if (schema.has("allOf") && schema.path("allOf").size() > 0) {
            schema = resolve(openApi, schema.path("allOf").get(0));
        }
        if (depth > 6) {
            return NODES.nullNode();
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        String format = schema.path("format").asText("");
        switch (type) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> o.set(p.getKey(),
                        forged(p.getKey(), variant).orElse(shaped(openApi, p.getValue(), variant, depth + 1))));
                return o;
            }
            case "array": {
                ArrayNode a = NODES.arrayNode();
                a.add(shaped(openApi, schema.path("items"), variant, depth + 1));
                return a;
            }
            case "integer":
            case "number":
                return switch (variant % 4) {
                    case 0 -> NODES.numberNode(-1);
                    case 1 -> NODES.numberNode(Long.MAX_VALUE);
                    case 2 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
                    default -> NODES.numberNode(new java.math.BigDecimal("12.345"));
                };
            case "boolean":
                return NODES.booleanNode(true);
            default:
                if (format.equals("date")) {
                    return NODES.textNode(variant % 2 == 0 ? "2026-02-30" : "99999-01-01");
                }
                if (format.equals("date-time")) {
                    return NODES.textNode("2026-13-45T25:61:00Z");
                }
                return NODES.textNode(STRINGS.get(variant % STRINGS.size()));
        }
    }

    /** Fields a client must not set: an owner, a tenant or a state named in the body. */
    private static java.util.Optional<JsonNode> forged(String field, int variant) {
        return switch (field) {
            case "tenant" -> java.util.Optional.of(NODES.textNode("another-tenant"));
            case "owner", "ownerId" -> java.util.Optional.of(NODES.textNode("someone-else"));
            case "state", "status" -> java.util.Optional.of(NODES.textNode(variant % 2 == 0 ? "PAID" : "SETTLED"));
            default -> java.util.Optional.empty();
        };
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
