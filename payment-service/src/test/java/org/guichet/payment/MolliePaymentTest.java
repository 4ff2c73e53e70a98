package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.events.payload.RefundIssued;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.guichet.payment.Callers.citizen;
import static org.guichet.payment.SandboxPaymentTest.checkout;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mollie through its adapter, against the gateway simulator over HTTP: the webhook is never
 * trusted (the status is fetched back), duplicates settle once, a lost webhook is caught by the
 * return's look-up, a retried creation makes one Mollie payment, refunds go through the API.
 */
@QuarkusTest
class MolliePaymentTest extends PaymentTestResource {
    static final String REGIE = "namur-etat-civil";

    @BeforeEach
    void resetTraps() {
        SimulatorResource.simulator.traps.reset();
    }

    static String start(String patron, String paymentId) {
        return citizen(patron).post("/payments/" + paymentId + "/start").then().statusCode(200)
                .body("state", equalTo("PENDING")).body("checkoutUrl", startsWith(SimulatorResource.simulator.baseUrl()
                        + "/mollie/checkout/tr_")).extract().path("checkoutUrl");
    }

    static String choose(String hostedPage, String status) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParam("status", status)
                .post(hostedPage).then().statusCode(303).extract().header("Location");
    }

    @Test
    void a_paid_mollie_payment_settles_once_however_many_times_the_webhook_comes() {
        int before = SimulatorResource.simulator.mollie.paymentsCreated();
        String paymentId = checkout("patron-m1", REGIE, "EUR", 1250);
        String page = start("patron-m1", paymentId);
        assertEquals(page, start("patron-m1", paymentId), "starting again gives the same hosted page");
        assertEquals(before + 1, SimulatorResource.simulator.mollie.paymentsCreated(), "one payment at Mollie");
        SimulatorResource.simulator.traps.callbackCopies = 10;
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            String back = choose(page, "paid");
            assertEquals("/payments/" + paymentId + "/return", back.substring(back.indexOf("/payments/")));
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.PAYMENT_SETTLED), Duration.ofSeconds(30));
            assertEquals(List.of(), EventContract.violations(r.value()));
            PaymentSettled settled = EventJson.read(r.value()).payloadAs(PaymentSettled.class);
            assertEquals("mollie", settled.gateway());
            assertEquals(1250, settled.amount());
            assertEquals(1, tap.collect(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.PAYMENT_SETTLED), Duration.ofSeconds(3)).size());
        }
        citizen("patron-m1").get("/payments/" + paymentId).then().body("state", equalTo("SETTLED"));
    }

    @Test
    void a_forged_webhook_changes_nothing_and_a_malformed_one_is_refused() {
        String paymentId = checkout("patron-m2", REGIE, "EUR", 500);
        String page = start("patron-m2", paymentId);
        String ref = page.substring(page.lastIndexOf('/') + 1);
        given().contentType(ContentType.URLENC).body("id=" + ref).post("/callbacks/mollie").then().statusCode(200);
        citizen("patron-m2").get("/payments/" + paymentId).then().body("state", equalTo("PENDING"));
        given().contentType(ContentType.URLENC).body("id=tr_unknown1").post("/callbacks/mollie").then().statusCode(200);
        given().contentType(ContentType.URLENC).body("status=paid&id=../../x").post("/callbacks/mollie").then()
                .statusCode(401);
        citizen("patron-m2").get("/payments/" + paymentId).then().body("state", equalTo("PENDING"));
    }

    @Test
    void without_any_webhook_the_return_asks_mollie_and_a_cancelled_payment_fails() {
        SimulatorResource.simulator.traps.dropCallbacks = true;
        String paid = checkout("patron-m3", REGIE, "EUR", 900);
        String back = choose(start("patron-m3", paid), "paid");
        given().get(back).then().statusCode(200);
        citizen("patron-m3").get("/payments/" + paid).then().body("state", equalTo("SETTLED"));

        String cancelled = checkout("patron-m3", REGIE, "EUR", 900);
        given().get(choose(start("patron-m3", cancelled), "canceled")).then().statusCode(200);
        citizen("patron-m3").get("/payments/" + cancelled).then().body("state", equalTo("CANCELLED"));
    }

    @Test
    void a_refund_goes_through_mollie_once_per_billing_refund() {
        String paymentId = checkout("patron-m4", REGIE, "EUR", 2000);
        given().get(choose(start("patron-m4", paymentId), "paid")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> citizen("patron-m4").get("/payments/" + paymentId)
                .then().body("state", equalTo("SETTLED")));
        String refundId = UUID.randomUUID().toString();
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            Events.aRefundRequested().id(refundId).forAccount("patron-m4").through(paymentId, 700, "EUR")
                    .because("request refused").publish("lib-kladno");
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.REFUND_ISSUED), Duration.ofSeconds(30));
            assertEquals(List.of(), EventContract.violations(r.value()));
            assertEquals(refundId, EventJson.read(r.value()).payloadAs(RefundIssued.class).refundId());
        }
        citizen("patron-m4").get("/payments/" + paymentId).then().body("state", equalTo("PARTIALLY_REFUNDED"));
    }
}
