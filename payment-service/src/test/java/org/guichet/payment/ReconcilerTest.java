package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentFailed;
import org.guichet.events.payload.PaymentLine;
import org.guichet.events.payload.RefundIssued;
import org.guichet.payment.refund.AutomaticRefunds;
import org.guichet.testing.EventTap;
import org.guichet.testing.TestEvents;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.guichet.payment.Callers.citizen;
import static org.guichet.payment.MolliePaymentTest.REGIE;
import static org.guichet.payment.MolliePaymentTest.choose;
import static org.guichet.payment.MolliePaymentTest.start;
import static org.guichet.payment.SandboxPaymentTest.checkout;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reconciler against the simulator: no callback and no return still settle the payment; a
 * payment left open expires only after the gateway was asked; paid after its expiry, it is settled.
 */
@QuarkusTest
@TestProfile(ReconcilerTest.QuickExpiry.class)
class ReconcilerTest extends PaymentTestResource {

    public static class QuickExpiry implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.payment.expire-after", "PT4S");
        }
    }

    @BeforeEach
    void noCallbacks() {
        SimulatorResource.simulator.traps.reset();
        SimulatorResource.simulator.traps.dropCallbacks = true;
    }

    @Test
    void a_payment_whose_callback_never_comes_and_whose_payer_never_returns_is_settled_by_the_reconciler() {
        String paymentId = checkout("patron-r1", REGIE, "EUR", 1100);
        choose(start("patron-r1", paymentId), "paid");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> citizen("patron-r1").get("/payments/" + paymentId)
                .then().body("state", equalTo("SETTLED")));
        citizen("patron-r1").get("/payments/" + paymentId + "/transitions").then().body("cause", hasItem("reconciler"));
    }

    @Test
    void an_open_payment_expires_after_asking_the_gateway_and_is_settled_if_it_was_paid_after_all() {
        String paymentId = checkout("patron-r2", REGIE, "EUR", 1300);
        String page = start("patron-r2", paymentId);
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> citizen("patron-r2").get("/payments/" + paymentId)
                    .then().body("state", equalTo("EXPIRED")));
            PaymentFailed failed = EventJson.read(tap.await(r -> r.key().equals(paymentId)
                    && EventJson.read(r.value()).is(EventType.PAYMENT_EXPIRED), Duration.ofSeconds(10)).value())
                    .payloadAs(PaymentFailed.class);
            assertEquals("EXPIRED", failed.outcome());

            choose(page, "paid");   // the citizen was still on the gateway's page
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> citizen("patron-r2").get("/payments/" + paymentId)
                    .then().body("state", equalTo("SETTLED")));
            tap.await(r -> r.key().equals(paymentId) && EventJson.read(r.value()).is(EventType.PAYMENT_SETTLED),
                    Duration.ofSeconds(10));
        }
        citizen("patron-r2").get("/payments/" + paymentId + "/transitions").then()
                .body("cause", hasItem("expiry")).body("cause", hasItem("reconciler"));
    }

    @Test
    void a_payment_checked_out_and_never_started_expires_and_lets_its_bill_go() {
        String invoice = UUID.randomUUID().toString();
        String left = checkoutOf("patron-r5", invoice, 1200);
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> citizen("patron-r5").get("/payments/" + left)
                    .then().body("state", equalTo("EXPIRED")));
            tap.await(r -> r.key().equals(left) && EventJson.read(r.value()).is(EventType.PAYMENT_EXPIRED),
                    Duration.ofSeconds(10));
        }
        citizen("patron-r5").get("/payments/" + left + "/transitions").then().body("cause", hasItem("expiry"));
        // the bill is free again: a new checkout of it is a payment that can be started
        String again = checkoutOf("patron-r5", invoice, 1200);
        citizen("patron-r5").get("/payments/" + again).then().body("state", equalTo("CREATED"));
        start("patron-r5", again);
    }

    @Test
    void a_bill_paid_twice_after_all_is_refunded_automatically_and_the_late_payment_flagged() {
        String invoice = UUID.randomUUID().toString();
        String first = checkoutOf("patron-r3", invoice, 1500);
        String firstPage = start("patron-r3", first);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> citizen("patron-r3").get("/payments/" + first)
                .then().body("state", equalTo("EXPIRED")));
        String second = checkoutOf("patron-r3", invoice, 1500);
        given().get(choose(start("patron-r3", second), "paid")).then().statusCode(200);
        citizen("patron-r3").get("/payments/" + second).then().body("state", equalTo("SETTLED"));
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            choose(firstPage, "paid");   // the first tab was still open on the gateway's page
            RefundIssued refund = EventJson.read(tap.await(r -> r.key().equals(first)
                    && EventJson.read(r.value()).is(EventType.REFUND_ISSUED), Duration.ofSeconds(40)).value())
                    .payloadAs(RefundIssued.class);
            assertEquals(1500, refund.amount());
            assertEquals(invoice, refund.lines().get(0).refId());
            assertEquals(AutomaticRefunds.REASON, refund.reason());
            assertEquals(1, tap.collect(r -> r.key().equals(first)
                    && EventJson.read(r.value()).is(EventType.REFUND_ISSUED), Duration.ofSeconds(12)).size());
        }
        citizen("patron-r3").get("/payments/" + first).then().body("state", equalTo("REFUNDED"))
                .body("flag", equalTo("DOUBLE_PAYMENT"));
        citizen("patron-r3").get("/payments/" + second).then().body("state", equalTo("SETTLED"))
                .body("flag", equalTo(null));
    }

    /**
     * Found by the end-to-end money invariants: a batch's worth of payments the gateway can say nothing
     * about (kept pending, UNKNOWN is never guessed) came first in every pass, so newer payments were never
     * looked up — never expired, never found paid.
     */
    @Test
    void payments_the_gateway_cannot_tell_about_do_not_starve_the_others() {
        // left behind by a gateway that lost them: it answers 404, the reconciler cannot tell and keeps asking
        String run = UUID.randomUUID().toString().substring(0, 8);
        int stuck = TestRows.of("payment").execute("insert into payment (id, tenant, owner, regie, reference, amount, "
                + "currency, state, gateway, gateway_ref, lines, created_at, updated_at) select gen_random_uuid(), "
                + "'lib-kladno', 'patron-stuck', 'kladno-library', 'STUCK-' || ? || '-' || n, 100, 'CZK', 'PENDING', "
                + "'sandbox', 'sbx_gone_' || ? || '_' || n, '[]', now() - interval '2 hours', now() - interval '2 hours' "
                + "from generate_series(1, ?) n", run, run, 120); // more than a pass takes (100)
        try {
            String paymentId = checkout("patron-r4", REGIE, "EUR", 1400);
            start("patron-r4", paymentId);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> citizen("patron-r4").get("/payments/" + paymentId)
                    .then().body("state", equalTo("EXPIRED")));
            // the ones nobody can tell about are still pending, asked again later and later
            assertEquals((long) stuck, TestRows.of("payment").one("select count(*) n from payment where owner = "
                    + "'patron-stuck' and reference like ? and state = 'PENDING' and next_lookup_at > now() + interval "
                    + "'5 minutes'", "STUCK-" + run + "-%").get("n"));
        } finally {
            TestRows.of("payment").execute("delete from payment where owner = 'patron-stuck'");
        }
    }

    static String checkoutOf(String patron, String invoiceId, long amount) {
        String paymentId = UUID.randomUUID().toString();
        String checkoutId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.CART_CHECKED_OUT, "lib-kladno", checkoutId, new CartCheckedOut(checkoutId,
                new Payer(patron, "Jan Novák", null, "cs"), null, List.of(new CartCheckedOut.PaymentRequest(paymentId,
                REGIE, amount, "EUR", List.of(new PaymentLine(PaymentLine.INVOICE, invoiceId, "lib-kladno", "fee",
                amount))))));
        await().atMost(Duration.ofSeconds(30)).until(() -> citizen(patron).get("/payments/" + paymentId).statusCode() == 200);
        return paymentId;
    }
}
