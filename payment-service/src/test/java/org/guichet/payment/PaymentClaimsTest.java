package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentFailed;
import org.guichet.events.payload.PaymentLine;
import org.guichet.testing.BillingStandIn;
import org.guichet.testing.DevTokens;
import org.guichet.testing.EventTap;
import org.guichet.testing.TestEvents;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.guichet.payment.Callers.citizen;
import static org.guichet.payment.SandboxPaymentTest.decide;
import static org.guichet.payment.SandboxPaymentTest.startAndGetHostedPage;
import static org.hamcrest.Matchers.equalTo;

/** One live payment attempt per bill: a second one while the first is under way fails at once. */
@QuarkusTest
class PaymentClaimsTest extends PaymentTestResource {

    static String checkoutOf(String patron, String invoiceId, long amount) {
        return checkoutOf(patron, invoiceId, amount, null);
    }

    /** A checkout of one bill, priced by the cart with {@code applied} (the payments billing had applied, by bill). */
    static String checkoutOf(String patron, String invoiceId, long amount, Map<String, List<String>> applied) {
        String paymentId = UUID.randomUUID().toString();
        String checkoutId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.CART_CHECKED_OUT, "lib-kladno", checkoutId, new CartCheckedOut(checkoutId,
                new Payer(patron, "Jan Novák", null, "cs"), null, List.of(new CartCheckedOut.PaymentRequest(paymentId,
                "kladno-library", amount, "CZK", List.of(new PaymentLine(PaymentLine.INVOICE, invoiceId, "lib-kladno",
                "R-7 — fee", amount)), null, applied))));
        await().atMost(Duration.ofSeconds(30)).until(() -> citizen(patron).get("/payments/" + paymentId).statusCode() == 200);
        return paymentId;
    }

    @Test
    void a_second_attempt_on_a_bill_being_paid_fails_and_the_bill_is_free_again_once_the_first_ended() {
        String invoice = UUID.randomUUID().toString();
        String first = checkoutOf("patron-c1", invoice, 5000);
        String page = startAndGetHostedPage("patron-c1", first);
        String second = checkoutOf("patron-c1", invoice, 5000);
        citizen("patron-c1").get("/payments/" + second).then().body("state", equalTo("FAILED"))
                .body("failureReason", equalTo("already being paid"));
        given().get(decide(page, "refuse")).then().statusCode(200);
        citizen("patron-c1").get("/payments/" + first).then().body("state", equalTo("FAILED"));
        String third = checkoutOf("patron-c1", invoice, 5000);
        citizen("patron-c1").get("/payments/" + third).then().body("state", equalTo("CREATED"))
                .body("flag", equalTo(null));
    }

    @Test
    void fifty_checkouts_of_one_bill_make_one_payment_that_can_be_paid_and_forty_nine_refused() {
        String invoice = UUID.randomUUID().toString();
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String paymentId = UUID.randomUUID().toString();
            ids.add(paymentId);
            String checkoutId = UUID.randomUUID().toString();
            TestEvents.publish(EventType.CART_CHECKED_OUT, "lib-kladno", checkoutId, new CartCheckedOut(checkoutId,
                    new Payer("patron-c50", "Jan Novák", null, "cs"), null, List.of(new CartCheckedOut.PaymentRequest(
                    paymentId, "kladno-library", 700, "CZK", List.of(new PaymentLine(PaymentLine.INVOICE, invoice,
                    "lib-kladno", "fee", 700))))));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                .allMatch(id -> citizen("patron-c50").get("/payments/" + id).statusCode() == 200));
        java.util.List<String> states = ids.stream()
                .map(id -> citizen("patron-c50").get("/payments/" + id).then().extract().<String>path("state")).toList();
        org.junit.jupiter.api.Assertions.assertEquals(1, states.stream().filter("CREATED"::equals).count(), states.toString());
        org.junit.jupiter.api.Assertions.assertEquals(49, states.stream().filter("FAILED"::equals).count(), states.toString());
    }

    /** A counter payment of {@code amount} for the patron's bill, settled at once: its id and reference. */
    static List<String> paidAtCounter(String patron, String invoiceId, long amount) {
        BillingStandIn.answer(patron, true, false, 1000, List.of(new BillingStandIn.Bill(invoiceId, "R-7", 1000)));
        io.restassured.path.json.JsonPath receipt = given().auth().oauth2(DevTokens.mint("agent-c19", "lib-kladno", "agent"))
                .contentType(io.restassured.http.ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("accountId", patron, "invoiceIds", List.of(invoiceId), "amount", amount, "mode", "CARD_TERMINAL", "reference", "TERM-0001"))
                .post("/counter-payments").then().statusCode(201).extract().jsonPath();
        return List.of(receipt.getString("paymentId"), receipt.getString("paymentReference"));
    }

    /** A bill paid at the counter, not yet applied by billing, then checked out at the old price online. */
    @Test
    void a_checkout_priced_before_billing_applied_a_counter_payment_of_its_bill_fails_at_once_and_takes_no_money() {
        String patron = "patron-c19-" + UUID.randomUUID();
        String invoice = UUID.randomUUID().toString();
        List<String> counter = paidAtCounter(patron, invoice, 400);
        String online;
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            online = checkoutOf(patron, invoice, 1000, Map.of(invoice, List.of()));
            String reason = "Bill R-7 — fee was just paid at the counter (payment " + counter.get(1)
                    + "); ask for the account again";
            citizen(patron).get("/payments/" + online).then().body("state", equalTo("FAILED"))
                    .body("failureReason", equalTo(reason)).body("flag", equalTo(null));
            // the cart releases the bill on this event, as for any failed checkout payment
            PaymentFailed failed = EventJson.read(tap.await(r -> r.key().equals(online)
                    && r.value().contains("\"PaymentFailed\""), Duration.ofSeconds(30)).value()).payloadAs(PaymentFailed.class);
            org.junit.jupiter.api.Assertions.assertEquals(reason, failed.reason());
        }
        citizen(patron).post("/payments/" + online + "/start").then().statusCode(409)
                .contentType("application/problem+json");
        org.junit.jupiter.api.Assertions.assertEquals(0L, TestRows.of("payment").scalar("select count(*) from payment "
                + "where owner = ? and gateway <> 'counter' and gateway_ref is not null", patron), "no gateway payment started");
        org.junit.jupiter.api.Assertions.assertEquals(0L, TestRows.of("payment").scalar("select count(*) from "
                + "payment_claim c join payment p on p.id = c.payment_id where p.owner = ? and c.live", patron));
    }

    @Test
    void a_checkout_priced_after_billing_applied_the_counter_payment_goes_on_and_one_from_an_older_cart_too() {
        String patron = "patron-c19-" + UUID.randomUUID();
        String invoice = UUID.randomUUID().toString();
        List<String> counter = paidAtCounter(patron, invoice, 400);
        String online = checkoutOf(patron, invoice, 600, Map.of(invoice, List.of(counter.get(0))));
        citizen(patron).get("/payments/" + online).then().body("state", equalTo("CREATED"))
                .body("failureReason", equalTo(null));
        startAndGetHostedPage(patron, online);

        // a checkout that names no applied payments for its bill (an older cart) is not checked, as before
        String older = "patron-c19-" + UUID.randomUUID();
        String bill = UUID.randomUUID().toString();
        paidAtCounter(older, bill, 400);
        citizen(older).get("/payments/" + checkoutOf(older, bill, 600)).then().body("state", equalTo("CREATED"));
    }
}
