package org.guichet.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.guichet.events.EventJson;
import org.guichet.events.Topics;
import org.guichet.platform.signature.WebhookSignature;
import org.guichet.simulator.ogone.OgoneSignature;
import org.guichet.simulator.ogone.OgoneSimulator;
import org.guichet.simulator.sips.SipsSimulator;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.guichet.payment.Callers.citizen;
import static org.guichet.payment.SandboxPaymentTest.TENANT;
import static org.guichet.payment.SandboxPaymentTest.checkout;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Callbacks after the fact, for each gateway: a payment is paid and partly refunded, then every
 * genuine callback it got is delivered again (replayed, later), with outcomes the gateway signed for it that
 * are stale now (a "refused" after the settlement; the sandbox's signature too old to be accepted) — and
 * oversized ones. Each is acknowledged or refused as its scheme says, and none changes the payment or
 * publishes anything. (Forged callbacks are refused in each gateway's own test.)
 */
@QuarkusTest
class CallbacksAfterTheFactTest extends PaymentTestResource {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A callback to deliver, and the answer its scheme gives it. */
    record Delivery(String what, String contentType, String body, Map<String, String> headers, int expected) {
    }

    @BeforeEach
    void gateways() {
        SimulatorResource.simulator.traps.reset();
        OgonePaymentTest.registerMerchant();
    }

    @Test
    void sandbox() {
        String paymentId = checkout("patron-cb1", "kladno-library", "CZK", 2000);
        SandboxPaymentTest.decide(SandboxPaymentTest.startAndGetHostedPage("patron-cb1", paymentId), "pay");
        String stale = "{\"id\":\"" + gatewayRef(paymentId) + "\",\"merchantReference\":\"" + paymentId
                + "\",\"status\":\"paid\"}";
        String refused = stale.replace("\"paid\"", "\"refused\"");
        afterTheFact(paymentId, "sandbox", 2000, 1, genuine -> List.of(
                new Delivery("signed ten minutes ago", "application/json", stale,
                        Map.of("Sandbox-Signature", WebhookSignature.header(SandboxPaymentTest.SECRET,
                                Instant.now().minusSeconds(600), stale)), 401),
                new Delivery("a signed 'refused' after the settlement", "application/json", refused,
                        Map.of("Sandbox-Signature", WebhookSignature.header(SandboxPaymentTest.SECRET, Instant.now(),
                                refused)), 200)));
    }

    @Test
    void mollie() {
        String paymentId = checkout("patron-cb2", MolliePaymentTest.REGIE, "EUR", 1500);
        MolliePaymentTest.choose(MolliePaymentTest.start("patron-cb2", paymentId), "paid");
        // Mollie signs nothing: its webhook only makes us ask; after a refund Mollie still says "paid"
        afterTheFact(paymentId, "mollie", 1500, 1, genuine -> List.of());
    }

    @Test
    void gopay() {
        String paymentId = checkout("patron-cb3", GoPayPaymentTest.REGIE, "CZK", 3000);
        GoPayPaymentTest.choose(GoPayPaymentTest.start("patron-cb3", paymentId), "paid");
        // GoPay signs nothing either: its notification (on the payment, then on the refund) only makes us ask
        afterTheFact(paymentId, "gopay", 3000, 2, genuine -> List.of());
    }

    @Test
    void ogone() {
        String paymentId = checkout("patron-cb4", OgonePaymentTest.REGIE, "EUR", 2500);
        OgonePaymentTest.choose(OgonePaymentTest.postOrder("patron-cb4", paymentId, Map.of()), "accept");
        afterTheFact(paymentId, "ogone", 2500, 1, genuine -> {
            // the post-sale request of the accepted payment, signed again by Ogone's SHA-OUT as "declined" (2)
            Map<String, String> params = form(genuine.get(0).body(), StandardCharsets.ISO_8859_1);
            assertEquals("9", params.get("STATUS"), genuine.get(0).body());
            params.put("STATUS", "2");
            params.put("SHASIGN", OgoneSignature.sign(params, OgoneSignature.OUT, OgoneSimulator.DEMO_SHA_OUT, "SHA-256"));
            return List.of(new Delivery("a signed 'declined' after the settlement", genuine.get(0).contentType(),
                    encode(params, StandardCharsets.ISO_8859_1), Map.of(), 200));
        });
    }

    @Test
    void sips() {
        String paymentId = checkout("patron-cb5", SipsPaymentTest.REGIE, "EUR", 1800);
        String manual = SipsPaymentTest.choose(SipsPaymentTest.paypage("patron-cb5", paymentId), "accept");
        SipsPaymentTest.postBack(manual).then().statusCode(200);
        afterTheFact(paymentId, "sips", 1800, 2, genuine -> {
            // the automatic response of the accepted payment, sealed again by the merchant's key as "refused" (05)
            Map<String, String> fields = form(genuine.get(0).body(), StandardCharsets.UTF_8);
            String data = fields.get("Data");
            assertTrue(data.contains("responseCode=00"), data);
            String refusedData = data.replace("responseCode=00", "responseCode=05");
            fields.put("Data", refusedData);
            fields.put("Seal", SipsSimulator.seal(refusedData, SipsSimulator.DEMO_SECRET,
                    SipsSimulator.data(refusedData).getOrDefault("sealAlgorithm", "SHA-256")));
            return List.of(new Delivery("a sealed 'refused' after the settlement", genuine.get(0).contentType(),
                    encode(fields, StandardCharsets.UTF_8), Map.of(), 200));
        });
    }

    @Test
    void an_oversized_callback_to_any_gateway_is_refused_unread_and_recorded_nowhere() {
        long inboxBefore = inboxRows();
        String big = "id=" + "x".repeat(1_200_000);
        for (String gateway : List.of("sandbox", "mollie", "gopay", "ogone", "sips")) {
            given().contentType("application/x-www-form-urlencoded").body(big).post("/callbacks/" + gateway).then()
                    .statusCode(413).contentType("application/problem+json");
        }
        int status = given().get("/callbacks/gopay?id=" + "9".repeat(20_000)).statusCode();
        assertTrue(status == 414 || status == 431 || status == 400, "an oversized GoPay notification: " + status);
        assertEquals(inboxBefore, inboxRows(), "nothing recorded in the callback inbox");
    }

    /**
     * The payment, settled through {@code gateway}, is refunded in part; then its {@code callbacks} genuine
     * callbacks (as the inbox recorded them) and {@code stale} ones are delivered again. Nothing may change
     * or be published.
     */
    private void afterTheFact(String paymentId, String gateway, long amount, int callbacks,
                              java.util.function.Function<List<Delivery>, List<Delivery>> stale) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> citizen(patron(paymentId)).get("/payments/" + paymentId)
                .then().body("state", equalTo("SETTLED")));
        long refund = amount / 4;
        Events.aRefundRequested().forAccount(patron(paymentId)).through(paymentId, refund, currency(paymentId))
                .because("goodwill").publish(TENANT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> citizen(patron(paymentId)).get("/payments/" + paymentId)
                .then().body("state", equalTo("PARTIALLY_REFUNDED")));
        String ref = gatewayRef(paymentId);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestRows.of("payment").one("select count(*) n, "
                + "count(processed_at) done from callback_inbox where gateway = ? and gateway_ref = ? and verified",
                gateway, ref).equals(Map.of("n", (long) callbacks, "done", (long) callbacks)));
        List<Delivery> genuine = TestRows.of("payment").all("select headers, body from callback_inbox where gateway = ? "
                        + "and gateway_ref = ? and verified order by received_at", gateway, ref).stream()
                .map(row -> new Delivery("the genuine callback again", header((String) row.get("headers"), "Content-Type",
                        "application/x-www-form-urlencoded"), (String) row.get("body"), signature((String) row.get("headers")),
                        200)).toList();
        List<Delivery> deliveries = new ArrayList<>(genuine);
        deliveries.addAll(stale.apply(genuine));
        long transitions = transitions(paymentId);
        long recorded = inboxRows();

        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            for (Delivery d : deliveries) {
                Response answer = gateway.equals("gopay")
                        ? given().headers(d.headers()).get("/callbacks/gopay?" + d.body())
                        : given().headers(d.headers()).contentType(d.contentType()).body(d.body()).post("/callbacks/" + gateway);
                assertEquals(d.expected(), answer.statusCode(), gateway + ": " + d.what() + ": " + answer.asString());
            }
            // each accepted one was applied to the payment and found nothing to do
            await().atMost(Duration.ofSeconds(30)).until(() -> TestRows.of("payment").one("select count(*) n from "
                    + "callback_inbox where gateway = ? and gateway_ref = ? and verified and processed_at is null",
                    gateway, ref).get("n").equals(0L));
            assertEquals(recorded + deliveries.size(), inboxRows(), "every delivery is recorded, refused ones too");
            List<Object> results = TestRows.of("payment").all("select result from callback_inbox where gateway = ? and "
                    + "gateway_ref = ? and verified order by received_at", gateway, ref).stream()
                    .map(r -> r.get("result")).toList();
            assertEquals("PARTIALLY_REFUNDED", results.get(results.size() - 1), results.toString());
            citizen(patron(paymentId)).get("/payments/" + paymentId).then()
                    .body("state", equalTo("PARTIALLY_REFUNDED"))
                    .body("amount", equalTo((int) amount));
            assertEquals(transitions, transitions(paymentId), "no transition");
            assertEquals(refund, TestRows.of("payment").one("select refunded from payment where id = ?",
                    UUID.fromString(paymentId)).get("refunded"));
            // the tap reads the topic from its start: in the payment's whole life, one settlement and one refund
            assertEquals(List.of("PaymentSettled", "RefundIssued"), tap.collect(r -> r.key().equals(paymentId),
                    Duration.ofSeconds(3)).stream().map(r -> EventJson.read(r.value()).type()).toList(),
                    "nothing more published");
        }
    }

    private static String patron(String paymentId) {
        return (String) TestRows.of("payment").one("select owner from payment where id = ?", UUID.fromString(paymentId))
                .get("owner");
    }

    private static String currency(String paymentId) {
        return (String) TestRows.of("payment").one("select currency from payment where id = ?", UUID.fromString(paymentId))
                .get("currency");
    }

    private static String gatewayRef(String paymentId) {
        return (String) TestRows.of("payment").one("select gateway_ref from payment where id = ?",
                UUID.fromString(paymentId)).get("gateway_ref");
    }

    private static long transitions(String paymentId) {
        return (Long) TestRows.of("payment").one("select count(*) n from payment_transition where payment_id = ?",
                UUID.fromString(paymentId)).get("n");
    }

    private static long inboxRows() {
        return (Long) TestRows.of("payment").one("select count(*) n from callback_inbox").get("n");
    }

    /** A header the gateway sent, from the headers the inbox kept. */
    private static String header(String headers, String name, String otherwise) {
        try {
            for (var it = JSON.readTree(headers).fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().asText();
                }
            }
            return otherwise;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(headers, e);
        }
    }

    /** The sandbox's signature header, sent again as it came (the other schemes sign in the body or not at all). */
    private static Map<String, String> signature(String headers) {
        String signature = header(headers, "Sandbox-Signature", null);
        return signature == null ? Map.of() : Map.of("Sandbox-Signature", signature);
    }

    private static Map<String, String> form(String body, Charset charset) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), charset), URLDecoder.decode(pair.substring(eq + 1), charset));
        }
        return out;
    }

    private static String encode(Map<String, String> fields, Charset charset) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), charset) + "="
                + URLEncoder.encode(e.getValue(), charset)).collect(Collectors.joining("&"));
    }
}
