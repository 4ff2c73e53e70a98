package org.guichet.simulator.gopay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.guichet.simulator.GatewaySimulator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GoPay simulator gives payment ids the way GoPay does. */
class GoPaySimulatorTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    /**
     * Found by the end-to-end money invariants: a restarted simulator gave again the ids of the payments an
     * earlier run had made, which a suite's payment database still held (GoPay never reuses one).
     */
    @Test
    void payment_ids_are_never_given_twice_even_by_a_restarted_simulator() throws Exception {
        long first;
        try (GatewaySimulator simulator = new GatewaySimulator(0)) {
            first = create(simulator);
            assertEquals(first + 1, create(simulator));
        }
        long restarted;
        try (GatewaySimulator simulator = new GatewaySimulator(0)) {
            restarted = create(simulator);
        }
        assertTrue(restarted > first + 1, restarted + " after " + first);
        // in another JVM, started later, the first id is beyond any of this run's (a thousand a millisecond)
        assertTrue(GoPaySimulator.firstId(System.currentTimeMillis() + 1) > restarted);
        assertTrue(restarted < 10_000_000_000_000_000L, "fits GoPay's long ids with room to spare");
    }

    long create(GatewaySimulator simulator) throws Exception {
        String basic = Base64.getEncoder().encodeToString((GoPaySimulator.DEMO_CLIENT_ID + ":"
                + GoPaySimulator.DEMO_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        String token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                                + "/gopay/api/oauth2/token")).header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=payment-create"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
        String body = "{\"target\":{\"type\":\"ACCOUNT\",\"goid\":" + GoPaySimulator.DEMO_GOID + "},\"amount\":1000,"
                + "\"currency\":\"CZK\",\"order_number\":\"SLANY-1\",\"callback\":{\"return_url\":\"http://127.0.0.1:1/r\","
                + "\"notification_url\":\"http://127.0.0.1:1/n\"}}";
        JsonNode payment = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                        + "/gopay/api/payments/payment")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return payment.path("id").asLong();
    }
}
