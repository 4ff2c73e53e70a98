package org.guichet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mass assignment: request bodies that also try to set what only the server may — ids, tenant, owner and
 * operator, status and state, amounts it computes, references and receipt numbers, timestamps. A service
 * must ignore these fields (tenant and owner come from the token, amounts and states from its rules) or
 * refuse the request; each service's MassAssignmentTest sends them and checks, field by field, what was
 * stored. The forged values are ones no server would choose, so {@link #assertNoneEchoed} can also look for
 * any of them anywhere in an answer.
 */
public final class MassAssignment {
    public static final String FORGED_ID = "00000000-0000-4000-8000-0000000f0f0f";
    public static final String FORGED_TENANT = "forged-tenant";
    public static final String FORGED_SUBJECT = "forged-subject";
    public static final long FORGED_AMOUNT = 987_654_321L;
    public static final String FORGED_TIME = "2001-02-03T04:05:06Z";
    public static final String FORGED_DAY = "2001-02-03";

    /** Every server-side field a client must not set, with a forged value. */
    public static final Map<String, Object> FORGED = forged();

    private static final ObjectMapper JSON = new ObjectMapper();

    private MassAssignment() {
    }

    private static Map<String, Object> forged() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", FORGED_ID);
        f.put("tenant", FORGED_TENANT);
        f.put("institution", FORGED_TENANT);
        f.put("owner", FORGED_SUBJECT);
        f.put("subject", FORGED_SUBJECT);
        f.put("accountId", FORGED_SUBJECT);
        f.put("payer", Map.of("subject", FORGED_SUBJECT, "name", "Forged Payer", "email", "forged@example.org"));
        f.put("operator", FORGED_SUBJECT);
        f.put("agent", FORGED_SUBJECT);
        f.put("createdBy", FORGED_SUBJECT);
        f.put("grantedBy", FORGED_SUBJECT);
        f.put("refusedBy", FORGED_SUBJECT);
        f.put("requestedBy", FORGED_SUBJECT);
        f.put("importedBy", FORGED_SUBJECT);
        f.put("status", "PAID");
        f.put("state", "SETTLED");
        f.put("amount", FORGED_AMOUNT);
        f.put("paid", FORGED_AMOUNT);
        f.put("waived", FORGED_AMOUNT);
        f.put("refunded", FORGED_AMOUNT);
        f.put("outstanding", 0);
        f.put("balance", FORGED_AMOUNT);
        f.put("credit", FORGED_AMOUNT);
        f.put("total", FORGED_AMOUNT);
        f.put("change", FORGED_AMOUNT);
        f.put("accrued", FORGED_AMOUNT);
        f.put("fixed", FORGED_AMOUNT);
        f.put("currency", "XAU");
        f.put("regie", "forged-regie");
        f.put("gateway", "forged-gateway");
        f.put("gatewayRef", "forged-gateway-ref");
        f.put("mode", "FORGED");
        f.put("number", "FORGED-0001");
        f.put("reference", "FORGED-REF-0001");
        f.put("receiptNumber", "RC-FORGED-0001");
        f.put("paymentId", FORGED_ID);
        f.put("invoiceId", FORGED_ID);
        f.put("checkoutId", FORGED_ID);
        f.put("refundId", FORGED_ID);
        f.put("lines", List.of(Map.of("kind", "DEPOSIT", "refId", FORGED_SUBJECT, "tenant", FORGED_TENANT,
                "amount", FORGED_AMOUNT)));
        f.put("flag", "FORGED");
        f.put("paymentPending", true);
        f.put("inCollections", true);
        f.put("collectionsSince", FORGED_TIME);
        f.put("version", 4242);
        f.put("createdAt", FORGED_TIME);
        f.put("updatedAt", FORGED_TIME);
        f.put("settledAt", FORGED_TIME);
        f.put("issuedOn", FORGED_DAY);
        f.put("expiresAt", FORGED_TIME);
        return java.util.Collections.unmodifiableMap(f);
    }

    /** {@code body} with every forged field it does not set itself (its own fields are the legitimate request). */
    public static Map<String, Object> over(Map<String, ?> body) {
        Map<String, Object> out = new LinkedHashMap<>(FORGED);
        out.putAll(body);
        return out;
    }

    /**
     * {@code body} with the forged fields, except {@code legitimate}: fields of the operation's own request
     * that this body leaves out on purpose (a forged value there would be a request, not an attack).
     */
    public static Map<String, Object> over(Map<String, ?> body, Collection<String> legitimate) {
        Map<String, Object> out = over(body);
        legitimate.forEach(k -> {
            if (!body.containsKey(k)) {
                out.remove(k);
            }
        });
        return out;
    }

    /**
     * Fails when an answer (JSON) carries a forged value anywhere: a forged id, tenant, subject, reference,
     * time or amount that the service took from the body. {@code allowed} names fields that may legitimately
     * hold such a value (none, usually).
     */
    public static void assertNoneEchoed(String answer, String... allowed) {
        JsonNode node;
        try {
            node = JSON.readTree(answer);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer, e);
        }
        List<String> found = new ArrayList<>();
        walk(node, "$", Set.of(allowed), found);
        assertEquals(List.of(), found, "forged values came back in " + answer);
    }

    private static void walk(JsonNode node, String path, Set<String> allowed, List<String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (!allowed.contains(e.getKey())) {
                    walk(e.getValue(), path + "." + e.getKey(), allowed, found);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", allowed, found);
            }
        } else if (node.isNumber() && node.asLong() == FORGED_AMOUNT) {
            found.add(path + " = " + node.asLong());
        } else if (node.isTextual() && forgedText(node.asText())) {
            found.add(path + " = " + node.asText());
        }
    }

    private static boolean forgedText(String s) {
        return s.equals(FORGED_ID) || s.contains("forged") || s.contains("FORGED") || s.startsWith(FORGED_DAY);
    }
}
