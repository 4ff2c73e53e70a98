package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.events.payload.RefundAwaitingBankDetails;
import org.guichet.events.payload.RefundIssued;
import org.guichet.events.payload.RequestRefused;
import org.guichet.testing.EventTap;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.guichet.payment.Callers.citizen;
import static org.guichet.payment.MolliePaymentTest.REGIE;
import static org.guichet.payment.MolliePaymentTest.choose;
import static org.guichet.payment.MolliePaymentTest.start;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** R22: a refused paid request is refunded on its own — through Mollie, or by transfer when Mollie refuses. */
@QuarkusTest
class RequestRefusalRefundTest extends PaymentTestResource {

    @BeforeEach
    void resetTraps() {
        SimulatorResource.simulator.traps.reset();
    }

    static String paidRequest(String citizen, String requestId, long amount) {
        String paymentId = UUID.randomUUID().toString();
        String checkoutId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.CART_CHECKED_OUT, "lib-kladno", checkoutId, new CartCheckedOut(checkoutId,
                new Payer(citizen, "Marie Dubois", citizen + "@example.be", "fr"), null, List.of(
                new CartCheckedOut.PaymentRequest(paymentId, REGIE, amount, "EUR", List.of(new PaymentLine("PROCEDURE",
                        requestId, "lib-kladno", "Copie d'acte de naissance", amount))))));
        await().atMost(Duration.ofSeconds(30)).until(() -> citizen(citizen).get("/payments/" + paymentId).statusCode() == 200);
        given().get(choose(start(citizen, paymentId), "paid")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> citizen(citizen).get("/payments/" + paymentId)
                .then().body("state", equalTo("SETTLED")));
        return paymentId;
    }

    static RequestRefused refusal(String requestId, String paymentId, long amount, String citizen) {
        return new RequestRefused(requestId, "birth-certificate", "Copie d'acte de naissance", REGIE, amount, "EUR",
                paymentId, "not our record", "agent-12", new Payer(citizen, "Marie Dubois", citizen + "@example.be", "fr"));
    }

    @Test
    void a_refused_request_is_refunded_through_the_gateway_once() {
        String request = UUID.randomUUID().toString();
        String paymentId = paidRequest("c-rr1", request, 1200);
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            RequestRefused refused = refusal(request, paymentId, 1200, "c-rr1");
            TestEvents.publish(EventType.REQUEST_REFUSED, "lib-kladno", request, refused);
            TestEvents.publish(EventType.REQUEST_REFUSED, "lib-kladno", request, refused); // a second refusal event
            RefundIssued issued = EventJson.read(tap.await(r -> r.key().equals(paymentId)
                    && EventJson.read(r.value()).is(EventType.REFUND_ISSUED), Duration.ofSeconds(30)).value())
                    .payloadAs(RefundIssued.class);
            assertEquals(1200, issued.amount());
            assertEquals("PROCEDURE", issued.lines().get(0).kind());
            assertEquals(request, issued.lines().get(0).refId());
            assertEquals(1, tap.collect(r -> r.key().equals(paymentId)
                    && EventJson.read(r.value()).is(EventType.REFUND_ISSUED), Duration.ofSeconds(3)).size());
        }
        citizen("c-rr1").get("/payments/" + paymentId).then().body("state", equalTo("REFUNDED"));
    }

    @Test
    void when_the_gateway_cannot_refund_the_citizen_is_sent_the_bank_details_form() {
        String request = UUID.randomUUID().toString();
        String paymentId = paidRequest("c-rr2", request, 500);
        SimulatorResource.simulator.traps.refuseRefunds = true;
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            TestEvents.publish(EventType.REQUEST_REFUSED, "lib-kladno", request, refusal(request, paymentId, 500, "c-rr2"));
            RefundAwaitingBankDetails waiting = EventJson.read(tap.await(r -> r.key().equals(paymentId)
                            && EventJson.read(r.value()).is(EventType.REFUND_AWAITING_BANK_DETAILS), Duration.ofSeconds(30))
                    .value()).payloadAs(RefundAwaitingBankDetails.class);
            assertEquals(500, waiting.amount());
            assertEquals("c-rr2@example.be", waiting.payer().email());
        }
    }
}
