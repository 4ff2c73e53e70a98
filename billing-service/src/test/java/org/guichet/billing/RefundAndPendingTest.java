package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.events.payload.RefundFailed;
import org.guichet.events.payload.RefundRequested;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.guichet.billing.Fixtures.as;
import static org.guichet.billing.Fixtures.createInvoice;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** R7 refunds (as credit, through the original payment), R8 pending payments, R5 no cancel while paying. */
@QuarkusTest
class RefundAndPendingTest extends BillingTestResource {
    static final Payer PAYER = new Payer("patron-rf", "Eva Nováková", "eva@example.cz", "cs");

    static String settleOnline(String invoice, long amount) {
        String paymentId = UUID.randomUUID().toString();
        Events.aPaymentSettled().id(paymentId).of(amount, "CZK").paying(invoice).by(PAYER).publish("lib-kladno");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("agent", "a").get("/invoices/" + invoice)
                .then().body("paid", equalTo((int) amount)));
        return paymentId;
    }

    @Test
    void R7_a_paid_bill_is_refunded_as_credit_at_once_never_beyond_what_it_received() {
        String bill = createInvoice("patron-rf", 1500);
        settleOnline(bill, 1500);
        as("agent", "agent-7").body(Map.of("amount", 400, "destination", "CREDIT", "reason", "double charge"))
                .post("/invoices/" + bill + "/refunds").then().statusCode(201).body("state", equalTo("ISSUED"));
        as("agent", "a").get("/invoices/" + bill).then().body("refunded", equalTo(400)).body("state", equalTo("PAID"));
        as("agent", "a").get("/accounts/patron-rf/summary").then().body("credit", equalTo(400));
        as("agent", "agent-7").body(Map.of("amount", 1101, "destination", "CREDIT"))
                .post("/invoices/" + bill + "/refunds").then().statusCode(400).body("errors[0].field", equalTo("amount"));
        as("agent", "agent-7").body(Map.of("amount", -5, "destination", "CREDIT"))
                .post("/invoices/" + bill + "/refunds").then().statusCode(400);
        as("agent", "agent-7").body(Map.of("destination", "ELSEWHERE")).post("/invoices/" + bill + "/refunds")
                .then().statusCode(400);
        as("agent", "other", "ville-namur").body(Map.of("destination", "CREDIT")).post("/invoices/" + bill + "/refunds")
                .then().statusCode(404);
        as("citizen", "patron-rf").body(Map.of("destination", "CREDIT")).post("/invoices/" + bill + "/refunds")
                .then().statusCode(403);
        as("agent", "a").get("/invoices/" + bill).then().body("refunded", equalTo(400));
        as("agent", "a").get("/invoices/" + bill + "/history").then().body("action", hasItem("REFUND"));
    }

    @Test
    void R7_a_refund_sent_twice_with_its_idempotency_key_is_made_once() {
        String bill = createInvoice("patron-rk", 1000);
        settleOnline(bill, 1000);
        Map<String, Object> refund = Map.of("amount", 300, "destination", "CREDIT", "reason", "overcharged");
        String first = as("agent", "agent-7").header("Idempotency-Key", "desk-refund-" + bill).body(refund)
                .post("/invoices/" + bill + "/refunds").then().statusCode(201).extract().path("id");
        as("agent", "agent-7").header("Idempotency-Key", "desk-refund-" + bill).body(refund)
                .post("/invoices/" + bill + "/refunds").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        as("agent", "a").get("/invoices/" + bill).then().body("refunded", equalTo(300));
        as("agent", "agent-7").header("Idempotency-Key", "desk-refund-" + bill)
                .body(Map.of("amount", 200, "destination", "CREDIT")).post("/invoices/" + bill + "/refunds")
                .then().statusCode(422);
        as("agent", "a").get("/invoices/" + bill).then().body("refunded", equalTo(300));
    }

    @Test
    void R7_a_refund_to_the_original_payment_is_asked_of_payment_service_and_recorded_when_issued() {
        String bill = createInvoice("patron-rf", 2000);
        String paymentId = settleOnline(bill, 2000);
        String refundId;
        try (EventTap tap = new EventTap(Topics.REFUND_REQUESTS)) {
            refundId = as("agent", "agent-7").body(Map.of("destination", "ORIGINAL", "reason", "item was never lent"))
                    .post("/invoices/" + bill + "/refunds").then().statusCode(202).body("state", equalTo("REQUESTED"))
                    .body("paymentId", equalTo(paymentId)).extract().path("id");
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(bill), Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(r.value()));
            RefundRequested asked = EventJson.read(r.value()).payloadAs(RefundRequested.class);
            assertEquals(2000, asked.amount());
            assertEquals(paymentId, asked.paymentId());
        }
        as("agent", "a").get("/invoices/" + bill).then().body("refunded", equalTo(2000));
        Events.aRefundIssued().answering(refundId).ofPayment(paymentId, "KL-R1").of(2000, "CZK")
                .because("item was never lent").forInvoice(bill, "fee").publish("lib-kladno");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("agent", "a").get("/invoices/" + bill + "/history")
                .then().body("find { it.action == 'REFUND' }.paymentMode", equalTo("ONLINE/sandbox")));
        as("agent", "a").get("/invoices/" + bill).then().body("refunded", equalTo(2000));

        // a refund the gateway could not make releases what it had reserved on the bill
        String other = createInvoice("patron-rf", 900);
        String otherPayment = settleOnline(other, 900);
        String failing = as("agent", "agent-7").body(Map.of("amount", 500, "destination", "ORIGINAL"))
                .post("/invoices/" + other + "/refunds").then().statusCode(202).extract().path("id");
        as("agent", "a").get("/invoices/" + other).then().body("refunded", equalTo(500));
        TestEvents.publish(EventType.REFUND_FAILED, "lib-kladno", otherPayment, new RefundFailed(failing, otherPayment,
                other, 500, "CZK", "sandbox", "refund-refused: the card is gone"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("agent", "a").get("/invoices/" + other)
                .then().body("refunded", equalTo(0)));
        as("agent", "a").get("/invoices/" + other + "/history").then().body("action", hasItem("REFUND_FAILED"));

        String fromCredit = createInvoice("patron-rf2", 300);
        Events.aPaymentSettled().of(300, "CZK").atCounter().depositing("patron-rf2").by(PAYER).publish("lib-kladno");
        CreditAndAllocationTest.summary("patron-rf2", 300, 300);
        as("agent", "a").body("{}").post("/accounts/patron-rf2/pay-from-credit").then().statusCode(200);
        as("agent", "agent-7").body(Map.of("destination", "ORIGINAL")).post("/invoices/" + fromCredit + "/refunds")
                .then().statusCode(422).body("type", equalTo("https://guichet.org/problems/no-original-payment"));
    }

    @Test
    void a_bill_paid_twice_keeps_its_first_payment_and_the_second_s_refund_takes_its_overpayment_off_the_credit() {
        String bill = createInvoice("patron-tw", 1500);
        settleOnline(bill, 1500);
        String second = UUID.randomUUID().toString();
        String secondRef = "KL-" + second.substring(0, 8);
        Events.aPaymentSettled().id(second).reference(secondRef).of(1500, "CZK").paying(bill)
                .by(Events.payer("patron-tw", "cs")).publish("lib-kladno");
        CreditAndAllocationTest.summary("patron-tw", 0, 1500);   // the second payment became credit
        // payment-service refunds the second payment on its own (its refund id is not billing's)
        Events.aRefundIssued().answering(UUID.randomUUID().toString()).ofPayment(second, secondRef).of(1500, "CZK")
                .because("paid twice: automatic refund").forInvoice(bill, "paid twice: automatic refund")
                .publish("lib-kladno");
        CreditAndAllocationTest.summary("patron-tw", 0, 0);
        as("agent", "a").get("/invoices/" + bill).then().body("state", equalTo("PAID")).body("paid", equalTo(1500))
                .body("refunded", equalTo(0));
        as("agent", "a").get("/invoices/" + bill + "/history").then()
                .body("find { it.action == 'REFUND' }.reference", equalTo(secondRef));
    }

    @Test
    void R5_R8_a_bill_being_paid_at_the_gateway_is_pending_and_cannot_be_cancelled_until_that_payment_ends() {
        String bill = createInvoice("patron-pd", 800);
        String paymentId = UUID.randomUUID().toString();
        PaymentLine line = new PaymentLine(PaymentLine.INVOICE, bill, "lib-kladno", "fee", 800);
        TestEvents.publish(EventType.CART_CHECKED_OUT, "lib-kladno", "co-1", new CartCheckedOut("co-1", PAYER,
                "http://127.0.0.1/return", List.of(new CartCheckedOut.PaymentRequest(paymentId, "kladno-library", 800,
                "CZK", List.of(line)))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("agent", "a").get("/invoices/" + bill)
                .then().body("paymentPending", equalTo(true)));
        as("agent", "agent-7").body(Map.of("notes", "wrong patron")).post("/invoices/" + bill + "/cancel")
                .then().statusCode(409).body("type", equalTo("https://guichet.org/problems/payment-pending"));

        Events.aPaymentFailed().id(paymentId).reference("KL-F").checkout("co-1").of(800, "CZK")
                .cancelled("the citizen cancelled").by(PAYER).lines(List.of(line)).publish("lib-kladno");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("agent", "a").get("/invoices/" + bill)
                .then().body("paymentPending", equalTo(false)));
        as("agent", "a").get("/invoices/" + bill + "/history").then().body("action",
                equalTo(List.of("CREATED", "PENDING", "PAYMENT_ABANDONED")));
        as("agent", "agent-7").body(Map.of("notes", "wrong patron")).post("/invoices/" + bill + "/cancel")
                .then().statusCode(200).body("state", equalTo("CANCELLED"));
    }
}
