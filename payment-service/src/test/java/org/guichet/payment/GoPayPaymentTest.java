package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.events.payload.RefundFailed;
import org.guichet.events.payload.RefundIssued;
import org.guichet.events.payload.RefundRequested;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.guichet.payment.Callers.citizen;
import static org.guichet.payment.SandboxPaymentTest.checkout;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GoPay through its adapter against the simulator over HTTP: OAuth2 tokens, payments in cents, the
 * unsigned GET notification that only makes us look the payment up, refunds.
 */
@QuarkusTest
class GoPayPaymentTest extends PaymentTestResource {
    static final String REGIE = "slany-library";

    @BeforeEach
    void resetTraps() {
        SimulatorResource.simulator.traps.reset();
    }

    static String start(String patron, String paymentId) {
        return citizen(patron).post("/payments/" + paymentId + "/start").then().statusCode(200)
                .body("state", equalTo("PENDING"))
                .body("checkoutUrl", startsWith(SimulatorResource.simulator.baseUrl() + "/gopay/gw/"))
                .extract().path("checkoutUrl");
    }

    static String choose(String page, String state) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParam("state", state)
                .post(page).then().statusCode(303).extract().header("Location");
    }

    @Test
    void a_paid_gopay_payment_settles_once_from_its_get_notifications() {
        String paymentId = checkout("patron-g1", REGIE, "CZK", 4500);
        String page = start("patron-g1", paymentId);
        SimulatorResource.simulator.traps.callbackCopies = 5;
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            String back = choose(page, "paid");
            assertTrue(back.contains("/payments/" + paymentId + "/return?id="), back);
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.PAYMENT_SETTLED), Duration.ofSeconds(30));
            assertEquals(List.of(), EventContract.violations(r.value()));
            PaymentSettled settled = EventJson.read(r.value()).payloadAs(PaymentSettled.class);
            assertEquals("gopay", settled.gateway());
            assertEquals(4500, settled.amount());
            assertEquals(1, tap.collect(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.PAYMENT_SETTLED), Duration.ofSeconds(3)).size());
        }
    }

    @Test
    void a_forged_notification_changes_nothing_and_a_timed_out_payment_expires() {
        String paymentId = checkout("patron-g2", REGIE, "CZK", 700);
        String page = start("patron-g2", paymentId);
        String gopayId = page.substring(page.lastIndexOf('/') + 1);
        given().get("/callbacks/gopay?id=" + gopayId).then().statusCode(200);
        citizen("patron-g2").get("/payments/" + paymentId).then().body("state", equalTo("PENDING"));
        given().get("/callbacks/gopay?id=1;drop").then().statusCode(401);

        SimulatorResource.simulator.traps.dropCallbacks = true;
        given().get(choose(page, "timeouted")).then().statusCode(200);
        citizen("patron-g2").get("/payments/" + paymentId).then().body("state", equalTo("EXPIRED"));
    }

    @Test
    void a_refund_goes_through_gopay_and_one_beyond_what_is_left_fails() {
        String paymentId = checkout("patron-g3", REGIE, "CZK", 3000);
        given().get(choose(start("patron-g3", paymentId), "paid")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> citizen("patron-g3").get("/payments/" + paymentId)
                .then().body("state", equalTo("SETTLED")));
        RefundRequested asked;
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            asked = Events.aRefundRequested().forAccount("patron-g3").through(paymentId, 3000, "CZK")
                    .because("lost item found").publish("lib-slany");
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.REFUND_ISSUED), Duration.ofSeconds(30));
            assertEquals("gopay", EventJson.read(r.value()).payloadAs(RefundIssued.class).gateway());
        }
        citizen("patron-g3").get("/payments/" + paymentId).then().body("state", equalTo("REFUNDED"));

        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            RefundRequested again = Events.aRefundRequested().ofInvoice(asked.invoiceId()).forAccount("patron-g3")
                    .through(paymentId, 100, "CZK").because("once more").publish("lib-slany");
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.REFUND_FAILED), Duration.ofSeconds(30));
            assertEquals(List.of(), EventContract.violations(r.value()));
            assertEquals(again.refundId(), EventJson.read(r.value()).payloadAs(RefundFailed.class).refundId());
        }
    }
}
