package org.guichet.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Mollie simulator answers the way docs/gateways.md says Mollie does. */
class MollieSimulatorTest {
    static final String KEY = "Bearer test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM";
    final HttpClient http = HttpClient.newHttpClient();
    GatewaySimulator simulator;
    HttpServer merchant;
    final List<String> webhooks = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        simulator = new GatewaySimulator(0);
        simulator.mollie.register(KEY.substring("Bearer ".length()));
        merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        merchant.createContext("/hook", ex -> {
            webhooks.add(ex.getRequestHeaders().getFirst("Content-Type") + " " + new String(ex.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        merchant.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
        merchant.stop(0);
    }

    HttpResponse<String> post(String path, String key, String idempotencyKey, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", key);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String payment(String value) {
        return "{\"amount\":{\"currency\":\"EUR\",\"value\":\"" + value + "\"},\"description\":\"Acte de naissance\","
                + "\"redirectUrl\":\"http://127.0.0.1:1/back\",\"webhookUrl\":\"http://127.0.0.1:"
                + merchant.getAddress().getPort() + "/hook\",\"metadata\":{\"paymentId\":\"p-1\"}}";
    }

    @Test
    void create_replays_with_the_same_idempotency_key_and_refuses_another_body_with_it() throws Exception {
        HttpResponse<String> first = post("/mollie/v2/payments", KEY, "k-1", payment("10.00"));
        assertEquals(201, first.statusCode());
        JsonNode p = Http.JSON.readTree(first.body());
        assertTrue(p.path("id").asText().startsWith("tr_"));
        assertEquals("open", p.path("status").asText());
        assertTrue(p.path("_links").path("checkout").path("href").asText().contains("/mollie/checkout/"));
        HttpResponse<String> again = post("/mollie/v2/payments", KEY, "k-1", payment("10.00"));
        assertEquals(first.body(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(400, post("/mollie/v2/payments", KEY, "k-1", payment("11.00")).statusCode());
        assertEquals(1, simulator.mollie.paymentsCreated());
    }

    @Test
    void a_bad_key_or_an_amount_that_is_not_a_two_decimal_string_is_refused() throws Exception {
        assertEquals(401, post("/mollie/v2/payments", "Bearer nope", null, payment("10.00")).statusCode());
        HttpResponse<String> bad = post("/mollie/v2/payments", KEY, null, payment("10"));
        assertEquals(422, bad.statusCode());
        assertEquals("amount.value", Http.JSON.readTree(bad.body()).path("field").asText());
        assertEquals(422, post("/mollie/v2/payments", KEY, null,
                payment("10.00").replace("\"10.00\"", "1000")).statusCode());
    }

    @Test
    void the_hosted_page_decides_the_webhook_carries_only_the_id_and_refunds_stay_within_the_amount() throws Exception {
        JsonNode p = Http.JSON.readTree(post("/mollie/v2/payments", KEY, null, payment("10.00")).body());
        String id = p.path("id").asText();
        simulator.traps.callbackCopies = 3;
        HttpResponse<String> decided = http.send(HttpRequest.newBuilder(URI.create(p.path("_links").path("checkout")
                        .path("href").asText())).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("status=paid")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, decided.statusCode());
        assertEquals("http://127.0.0.1:1/back", decided.headers().firstValue("Location").orElse(""));
        for (int i = 0; i < 50 && webhooks.size() < 3; i++) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertEquals(List.of("application/x-www-form-urlencoded id=" + id, "application/x-www-form-urlencoded id=" + id,
                "application/x-www-form-urlencoded id=" + id), webhooks);
        HttpResponse<String> fetched = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                + "/mollie/v2/payments/" + id)).header("Authorization", KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("paid", Http.JSON.readTree(fetched.body()).path("status").asText());

        String refund = "{\"amount\":{\"currency\":\"EUR\",\"value\":\"6.00\"},\"description\":\"refused request\"}";
        assertEquals(201, post("/mollie/v2/payments/" + id + "/refunds", KEY, "r-1", refund).statusCode());
        assertEquals(201, post("/mollie/v2/payments/" + id + "/refunds", KEY, "r-1", refund).statusCode());
        assertEquals(422, post("/mollie/v2/payments/" + id + "/refunds", KEY, "r-2", refund).statusCode());
    }
}
