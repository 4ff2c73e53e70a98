package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentFailed;
import org.guichet.events.payload.PaymentLine;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.platform.signature.WebhookSignature;
import org.guichet.testing.EventTap;
import org.guichet.testing.PrometheusText;
import org.guichet.testing.TestEvents;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.guichet.payment.Callers.citizen;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SandboxPaymentTest extends PaymentTestResource {
    static final String TENANT = "lib-kladno";
    static final String SECRET = "whsec_local_sandbox";

    /** A checkout as cart-service would announce it; returns the payment id once payment-service has it. */
    static String checkout(String patron, String regie, String currency, long amount) {
        String paymentId = UUID.randomUUID().toString();
        String checkoutId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.CART_CHECKED_OUT, TENANT, checkoutId, new CartCheckedOut(checkoutId,
                new Payer(patron, "Jan Novák", patron + "@example.cz", "cs"), null,
                List.of(new CartCheckedOut.PaymentRequest(paymentId, regie, amount, currency, List.of(
                        new PaymentLine(PaymentLine.INVOICE, UUID.randomUUID().toString(), TENANT, "Late fee", amount))))));
        await().atMost(Duration.ofSeconds(30)).until(() -> citizen(patron).get("/payments/" + paymentId).statusCode() == 200);
        return paymentId;
    }

    static String startAndGetHostedPage(String patron, String paymentId) {
        return citizen(patron).post("/payments/" + paymentId + "/start").then().statusCode(200)
                .body("state", equalTo("PENDING")).extract().path("checkoutUrl");
    }

    static String decide(String hostedPage, String decision) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParam("decision", decision)
                .post(hostedPage).then().statusCode(303).extract().header("Location");
    }

    static String gatewayRef(String hostedPage) {
        return hostedPage.substring(hostedPage.lastIndexOf('/') + 1);
    }

    static io.restassured.response.Response callback(String body, String signature) {
        return given().contentType(ContentType.JSON).header("Sandbox-Signature", signature).body(body)
                .post("/callbacks/sandbox");
    }

    @Test
    void a_paid_sandbox_payment_settles_and_PaymentSettled_honours_its_contract() {
        String paymentId = checkout("patron-p1", "kladno-library", "CZK", 5000);
        citizen("patron-p1").get("/payments/" + paymentId).then().body("state", equalTo("CREATED"))
                .body("reference", matchesPattern("KLADNO-LIBRARY-\\d{6}"));
        String page = startAndGetHostedPage("patron-p1", paymentId);
        assertEquals(page, startAndGetHostedPage("patron-p1", paymentId), "starting twice gives the same hosted page");
        given().get(page).then().statusCode(200).body(containsString("id=\"pay\""));

        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            String returnUrl = decide(page, "pay");
            given().get(returnUrl).then().statusCode(200).body(containsString("data-state=\"SETTLED\""));
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId), Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(r.value()));
            PaymentSettled settled = EventJson.read(r.value()).payloadAs(PaymentSettled.class);
            assertEquals(5000, settled.amount());
            assertEquals("sandbox", settled.gateway());
            assertEquals(gatewayRef(page), settled.gatewayReference());
            assertEquals("patron-p1@example.cz", settled.payer().email());
        }
        citizen("patron-p1").get("/payments/" + paymentId + "/transitions").then()
                .body("toState", hasItems("PENDING", "SETTLED")).body("cause", hasItems("initiated"))
                // the callback is acknowledged before it is processed: it or the return's look-up settles first
                .body("cause", org.hamcrest.Matchers.either(org.hamcrest.Matchers.hasItem("callback"))
                        .or(org.hamcrest.Matchers.hasItem("return-lookup")));
        citizen("patron-p1").post("/payments/" + paymentId + "/start").then().statusCode(409);
    }

    @Test
    void a_checkout_of_another_institution_never_pays_into_a_regies_account() {
        // a Slaný cart naming Kladno's régie (an admin gave a cart régie another institution's code)
        String paymentId = UUID.randomUUID().toString();
        String checkoutId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.CART_CHECKED_OUT, "lib-slany", checkoutId, new CartCheckedOut(checkoutId,
                new Payer("patron-slany", "Petr Dvořák", "petr@example.cz", "cs"), null,
                List.of(new CartCheckedOut.PaymentRequest(paymentId, "kladno-library", 900, "CZK", List.of(
                        new PaymentLine(PaymentLine.INVOICE, UUID.randomUUID().toString(), "lib-slany", "Late fee", 900))))));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestRows.of("payment")
                .scalar("select count(*) from payment where id = ?::uuid", paymentId) == 1);
        Map<String, Object> row = TestRows.of("payment").one("select state, failure_reason, tenant from payment where id = ?::uuid",
                paymentId);
        assertEquals("FAILED", row.get("state"));
        assertEquals("lib-slany", row.get("tenant"));
        assertTrue(String.valueOf(row.get("failure_reason")).contains("does not collect for lib-slany"), row.toString());
        Callers.as("citizen", "patron-slany", "lib-slany").post("/payments/" + paymentId + "/start")
                .then().statusCode(409);
    }

    @Test
    void a_regie_on_structured_communications_gives_each_payment_a_valid_one() {
        String first = checkout("patron-sc", "namur-population", "EUR", 500);
        String second = checkout("patron-sc", "namur-population", "EUR", 700);
        String a = citizen("patron-sc").get("/payments/" + first).then().statusCode(200)
                .body("reference", matchesPattern("\\+\\+\\+101/\\d{4}/\\d{5}\\+\\+\\+")).extract().path("reference");
        String b = citizen("patron-sc").get("/payments/" + second).then().extract().path("reference");
        assertTrue(org.guichet.platform.bank.StructuredCommunication.parse(a).isPresent(), a);
        assertTrue(org.guichet.platform.bank.StructuredCommunication.parse(b).isPresent(), b);
        org.junit.jupiter.api.Assertions.assertNotEquals(a, b);
    }

    @Test
    void a_forged_callback_is_refused_recorded_and_changes_nothing() {
        String paymentId = checkout("patron-p2", "kladno-library", "CZK", 5000);
        String ref = gatewayRef(startAndGetHostedPage("patron-p2", paymentId));
        String body = "{\"id\":\"" + ref + "\",\"status\":\"paid\"}";
        double rejectedBefore = rejectedCallbacks();
        callback(body, WebhookSignature.header("not-the-secret", Instant.now(), body)).then().statusCode(401)
                .contentType("application/problem+json");
        callback(body, "t=" + Instant.now().getEpochSecond() + ",v1=deadbeef").then().statusCode(401);
        String stale = WebhookSignature.header(SECRET, Instant.now().minusSeconds(3600), body);
        callback(body, stale).then().statusCode(401);
        citizen("patron-p2").get("/payments/" + paymentId).then().body("state", equalTo("PENDING"));
        assertEquals(rejectedBefore + 3, rejectedCallbacks(), "guichet_callbacks_rejected_total{gateway=sandbox}");
        // the state gauge is read from the database every second in tests
        await().atMost(Duration.ofSeconds(10)).until(() -> PrometheusText.value(metrics(), "guichet_payments",
                Map.of("state", "PENDING", "gateway", "sandbox")) >= 1);
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double rejectedCallbacks() {
        return PrometheusText.value(metrics(), "guichet_callbacks_rejected_total", Map.of("gateway", "sandbox"));
    }

    @Test
    void the_same_callback_ten_times_at_once_settles_once() throws Exception {
        String paymentId = checkout("patron-p3", "kladno-library", "CZK", 4200);
        String page = startAndGetHostedPage("patron-p3", paymentId);
        String ref = gatewayRef(page);
        // the gateway's side: the payer paid (no callback yet: we call the gateway's form without following)
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("decision", "pay").post(page);
        String body = "{\"id\":\"" + ref + "\",\"merchantReference\":\"" + paymentId + "\",\"status\":\"paid\"}";
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            ExecutorService pool = Executors.newFixedThreadPool(10);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> callback(body, WebhookSignature.header(SECRET, Instant.now(), body))
                        .statusCode()));
            }
            for (Future<Integer> a : answers) {
                assertEquals(200, a.get(), "every duplicate is acknowledged");
            }
            pool.shutdown();
            var settled = tap.collect(r -> r.key().equals(paymentId)
                    && EventJson.read(r.value()).is(EventType.PAYMENT_SETTLED), Duration.ofSeconds(5));
            assertEquals(1, settled.size(), "exactly one PaymentSettled");
        }
        citizen("patron-p3").get("/payments/" + paymentId).then().body("state", equalTo("SETTLED"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> citizen("patron-p3")
                .get("/payments/" + paymentId + "/transitions").then().body("size()", equalTo(2)));
    }

    @Test
    void a_refused_payment_fails_with_PaymentFailed() {
        String paymentId = checkout("patron-p4", "kladno-library", "CZK", 5000);
        String page = startAndGetHostedPage("patron-p4", paymentId);
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            given().get(decide(page, "refuse")).then().body(containsString("data-state=\"FAILED\""));
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId), Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(r.value()));
            assertEquals("FAILED", EventJson.read(r.value()).payloadAs(PaymentFailed.class).outcome());
        }
        // the payer cannot change their mind on the gateway once decided
        decide(page, "pay");
        citizen("patron-p4").get("/payments/" + paymentId).then().body("state", equalTo("FAILED"));
    }

    @Test
    void a_regie_without_gateway_account_fails_the_payment_at_once() {
        String paymentId = checkout("patron-p5", "nowhere", "CZK", 5000);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                citizen("patron-p5").get("/payments/" + paymentId).then().body("state", equalTo("FAILED"))
                        .body("failureReason", containsString("no gateway account")));
    }

    @Test
    void another_citizen_s_payment_is_404_and_ids_are_checked() {
        String paymentId = checkout("patron-p6", "kladno-library", "CZK", 5000);
        citizen("patron-p7").get("/payments/" + paymentId).then().statusCode(404);
        citizen("patron-p7").post("/payments/" + paymentId + "/start").then().statusCode(404);
        citizen("patron-p7").get("/payments/nope").then().statusCode(404);
        RestAssured.given().get("/payments/" + paymentId).then().statusCode(401);
    }

    @Test
    void the_sandbox_api_wants_its_key_and_valid_input() {
        given().contentType(ContentType.JSON).body("{}").post("/sandbox/api/payments").then().statusCode(401);
        given().contentType(ContentType.JSON).header("X-Sandbox-Key", "sbx_local_api_key").body("{\"amount\":-1}")
                .post("/sandbox/api/payments").then().statusCode(400).contentType("application/problem+json");
    }
}
