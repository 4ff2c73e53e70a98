package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.guichet.testing.PrometheusText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public endpoints' guards, with limits low enough to reach: an oversized body is a 413 and a
 * client over its rate a 429, both problem+json, both before the request is read — a refused callback
 * is neither verified nor recorded in the inbox.
 */
@QuarkusTest
@TestProfile(RequestLimitsTest.LowLimits.class)
class RequestLimitsTest extends PaymentTestResource {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.limits.max-body-bytes", "65536",
                    "guichet.limits.rates.callbacks.per-second", "0.2",
                    "guichet.limits.rates.callbacks.burst", "5");
        }
    }

    static Response forgedCallback(String body) {
        return given().contentType("application/json")
                .header("Sandbox-Signature", "t=" + Instant.now().getEpochSecond() + ",v1=00").body(body)
                .post("/callbacks/sandbox");
    }

    static double metric(String name, Map<String, String> labels) {
        return PrometheusText.value(given().get("/q/metrics").then().extract().asString(), name, labels);
    }

    @Test
    void an_oversized_callback_is_refused_unread_and_a_flood_is_cut_at_its_burst() {
        double rejectedBefore = metric("guichet_callbacks_rejected_total", Map.of("gateway", "sandbox"));
        forgedCallback("{\"id\":\"" + "x".repeat(100_000) + "\"}").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://guichet.org/problems/payload-too-large"));
        assertEquals(rejectedBefore, metric("guichet_callbacks_rejected_total", Map.of("gateway", "sandbox")),
                "not verified, not recorded");

        List<Integer> answers = new ArrayList<>();
        Response last = null;
        for (int i = 0; i < 12; i++) {
            last = forgedCallback("{\"id\":\"sbx_flood_" + i + "\",\"status\":\"paid\"}");
            answers.add(last.statusCode());
        }
        // the 413 took no token: five forged callbacks are read (and refused: bad signature), then 429s
        assertEquals(List.of(401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429), answers);
        assertEquals("application/problem+json", last.contentType());
        assertTrue(Integer.parseInt(last.header("Retry-After")) >= 1, "Retry-After");
        assertEquals(rejectedBefore + 5, metric("guichet_callbacks_rejected_total", Map.of("gateway", "sandbox")),
                "only the five read were verified and recorded");
        assertEquals(7, metric("guichet_requests_limited_total", Map.of("limit", "callbacks")));
        assertEquals(1, metric("guichet_requests_limited_total", Map.of("limit", "body-size")));
    }
}
