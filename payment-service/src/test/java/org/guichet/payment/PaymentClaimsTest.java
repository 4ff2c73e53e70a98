package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.events.EventType;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
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
        String paymentId = UUID.randomUUID().toString();
        String checkoutId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.CART_CHECKED_OUT, "lib-kladno", checkoutId, new CartCheckedOut(checkoutId,
                new Payer(patron, "Jan Novák", null, "cs"), null, List.of(new CartCheckedOut.PaymentRequest(paymentId,
                "kladno-library", amount, "CZK", List.of(new PaymentLine(PaymentLine.INVOICE, invoiceId, "lib-kladno",
                "fee", amount))))));
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
}
