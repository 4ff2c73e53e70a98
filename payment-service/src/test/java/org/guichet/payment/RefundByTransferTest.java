package org.guichet.payment;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.RefundAwaitingBankDetails;
import org.guichet.events.payload.RefundBankDetailsGiven;
import org.guichet.events.payload.RefundIssued;
import org.guichet.payment.transfer.SepaCreditTransferTest;
import org.guichet.platform.security.EventSeal;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
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
import static org.guichet.payment.Callers.finance;
import static org.guichet.payment.MolliePaymentTest.REGIE;
import static org.guichet.payment.MolliePaymentTest.choose;
import static org.guichet.payment.MolliePaymentTest.start;
import static org.guichet.payment.SandboxPaymentTest.TENANT;
import static org.guichet.payment.SandboxPaymentTest.checkout;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refund Mollie refuses (the card is gone) goes by bank transfer: the payer is sent a form link,
 * gives an IBAN (checked), finance exports a SEPA pain.001 file valid against the schema, marks it
 * executed, and RefundIssued follows once.
 */
@QuarkusTest
class RefundByTransferTest extends PaymentTestResource {

    @BeforeEach
    void resetTraps() {
        SimulatorResource.simulator.traps.reset();
    }

    @Test
    void M2_a_refund_the_gateway_refuses_is_transferred_to_the_iban_the_payer_gives_once() throws Exception {
        String paymentId = checkout("patron-t1", REGIE, "EUR", 3000);
        given().get(choose(start("patron-t1", paymentId), "paid")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> citizen("patron-t1").get("/payments/" + paymentId)
                .then().body("state", equalTo("SETTLED")));
        SimulatorResource.simulator.traps.refuseRefunds = true;
        String refundId = UUID.randomUUID().toString();
        List<Long> waitingBefore = open("AWAITING_BANK_DETAILS");
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            Events.aRefundRequested().id(refundId).forAccount("patron-t1")
                    .through(paymentId, 1200, "EUR").because("request refused").publish(TENANT);
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.REFUND_AWAITING_BANK_DETAILS), Duration.ofSeconds(30));
            assertEquals(List.of(), EventContract.violations(r.value()));
            RefundAwaitingBankDetails waiting = EventJson.read(r.value()).payloadAs(RefundAwaitingBankDetails.class);
            assertEquals(1200, waiting.amount());
            assertEquals("patron-t1@example.cz", waiting.payer().email());
            assertFalse(r.value().contains("/refund-forms/"), "M7: the link travels sealed: " + r.value());
            String form = formPath(waiting);

            given().get(form).then().statusCode(200).contentType(ContentType.HTML).body(containsString("12.00 EUR"));
            given().get("/refund-forms/not-a-token").then().statusCode(404);
            // a mistyped IBAN (last digit) and a non-SEPA one are refused, as JSON and from the page
            given().contentType(ContentType.JSON).body(Map.of("holderName", "Jan Novák", "iban", "BE71096123456768"))
                    .post(form).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("iban"));
            given().contentType(ContentType.URLENC).formParam("holderName", "Jan Novák")
                    .formParam("iban", "US64SVBKUS6S3300958879").post(form).then().statusCode(400)
                    .body(containsString("SEPA"));
            finance().get("/manual-refunds?state=AWAITING_BANK_DETAILS").then().statusCode(200)
                    .body("refundId", hasItem(refundId));
            // the dashboard's count of refunds still to do
            assertEquals(List.of(waitingBefore.get(0) + 1, waitingBefore.get(1) + 1200), open("AWAITING_BANK_DETAILS"));
            citizen("patron-t1").get("/manual-refunds/open").then().statusCode(403);

            given().contentType(ContentType.URLENC).formParam("holderName", "Jan Novák")
                    .formParam("iban", "fr14 2004 1010 0505 0001 3M02 606").post(form).then().statusCode(200)
                    .body(containsString("FR14"));
            // M2: the link takes one account, once — whoever else reads it later cannot redirect the money
            given().contentType(ContentType.JSON).body(Map.of("holderName", "Eve", "iban", "BE71096123456769"))
                    .post(form).then().statusCode(410).contentType("application/problem+json")
                    .body("type", containsString("refund-form-used"));
            given().contentType(ContentType.URLENC).formParam("holderName", "Eve").formParam("iban", "BE71096123456769")
                    .post(form).then().statusCode(410).body(containsString("already"));
            citizen("patron-t1").get("/manual-refunds").then().statusCode(403);
            finance().get("/manual-refunds?state=READY").then().statusCode(200)
                    .body("find { it.refundId == '" + refundId + "' }.iban", equalTo("FR14…2606"));
            finance().get("/manual-refunds?state=SOMETHING").then().statusCode(400);

            Response export = finance().accept("application/xml").post("/manual-refunds/transfers?currency=EUR");
            assertEquals(201, export.statusCode(), export.asString());
            String xml = export.asString();
            SepaCreditTransferTest.validate(xml);
            assertTrue(xml.contains("<IBAN>FR1420041010050500013M02606</IBAN>"), xml);
            assertTrue(xml.contains("<InstdAmt Ccy=\"EUR\">12.00</InstdAmt>"), xml);
            assertTrue(xml.contains("<IBAN>BE71096123456769</IBAN>"), "the régie's account is debited: " + xml);
            finance().post("/manual-refunds/transfers?currency=EUR").then().statusCode(422)
                    .body("type", containsString("nothing-to-transfer"));
            given().get(form).then().statusCode(200).body(containsString("already on its way"));
            String batch = export.header("Location").substring(export.header("Location").indexOf("/manual-refunds/"));
            assertEquals(xml, finance().accept("application/xml").get(batch).asString());
            citizen("patron-t1").get("/payments/" + paymentId).then().body("state", equalTo("SETTLED"));

            List<Long> inTransfer = open("IN_TRANSFER");
            finance().post(batch + "/executed").then().statusCode(200).body("executedAt", notNullValue());
            assertEquals(List.of(inTransfer.get(0) - 1, inTransfer.get(1) - 1200), open("IN_TRANSFER"));
            ConsumerRecord<String, String> issued = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.REFUND_ISSUED), Duration.ofSeconds(10));
            RefundIssued refund = EventJson.read(issued.value()).payloadAs(RefundIssued.class);
            assertEquals(refundId, refund.refundId());
            assertEquals("BANK_TRANSFER", refund.mode());
            assertEquals(1200, refund.amount());
            finance().post(batch + "/executed").then().statusCode(200);
            assertEquals(1, tap.collect(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.REFUND_ISSUED), Duration.ofSeconds(3)).size());
        }
        citizen("patron-t1").get("/payments/" + paymentId).then().body("state", equalTo("PARTIALLY_REFUNDED"));
    }

    @Test
    void M2_a_transfer_the_bank_sends_back_asks_the_payer_again_by_a_link_that_expires_and_a_cancelled_one_frees_the_amount() throws Exception {
        String paymentId = checkout("patron-t2", REGIE, "EUR", 2000);
        given().get(choose(start("patron-t2", paymentId), "paid")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> citizen("patron-t2").get("/payments/" + paymentId)
                .then().body("state", equalTo("SETTLED")));
        SimulatorResource.simulator.traps.refuseRefunds = true;
        String refundId = UUID.randomUUID().toString();
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            Events.aRefundRequested().id(refundId).ofInvoice("inv-t2").forAccount("patron-t2")
                    .through(paymentId, 800, "EUR").because("overcharged").publish(TENANT);
            String firstForm = form(tap, paymentId, 1);
            given().contentType(ContentType.URLENC).formParam("holderName", "Jan Novák")
                    .formParam("iban", "NL91ABNA0417164300").post(firstForm).then().statusCode(200);
            String batch = finance().post("/manual-refunds/transfers?currency=EUR").then().statusCode(201).extract()
                    .header("Location");
            String manual = finance().get("/manual-refunds?state=IN_TRANSFER").then().extract()
                    .path("find { it.refundId == '" + refundId + "' }.id");
            // the bank sends it back: a new link, the old one is dead, the file's other refunds stand
            finance().post("/manual-refunds/" + manual + "/returned").then().statusCode(200)
                    .body("state", equalTo("AWAITING_BANK_DETAILS"));
            String secondForm = form(tap, paymentId, 2);
            org.junit.jupiter.api.Assertions.assertNotEquals(firstForm, secondForm);
            given().get(firstForm).then().statusCode(404);
            given().get(secondForm).then().statusCode(200);
            // M2: a link expires (30 days by default): then it shows so and takes no account
            TestRows.of("payment").execute("update manual_refund set form_expires_at = now() - interval '1 minute' "
                    + "where id = ?::uuid", manual);
            given().get(secondForm).then().statusCode(410).body(containsString("expired"));
            given().contentType(ContentType.JSON).body(Map.of("holderName", "Jan Novák", "iban", "NL91ABNA0417164300"))
                    .post(secondForm).then().statusCode(410).body("type", containsString("refund-form-expired"));
            // finance pays it out another way: cancelled, billing told, the 8.00 free again on the payment
            finance().body(Map.of("reason", "")).post("/manual-refunds/" + manual + "/cancellation").then().statusCode(400);
            finance().body(Map.of("reason", "paid in cash at the counter")).post("/manual-refunds/" + manual
                    + "/cancellation").then().statusCode(200).body("state", equalTo("CANCELLED"));
            tap.await(x -> x.key().equals(paymentId) && EventJson.read(x.value()).is(EventType.REFUND_FAILED),
                    Duration.ofSeconds(10));
            finance().post("/manual-refunds/" + manual + "/cancellation").then().statusCode(400);
            finance().body(Map.of("reason", "again")).post("/manual-refunds/" + manual + "/cancellation").then()
                    .statusCode(409);
            assertTrue(batch.contains("/manual-refunds/transfers/"));
        }
        SimulatorResource.simulator.traps.refuseRefunds = false;
        Events.aRefundRequested().ofInvoice("inv-t2").forAccount("patron-t2").through(paymentId, 2000, "EUR")
                .because("everything").publish(TENANT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> citizen("patron-t2").get("/payments/" + paymentId)
                .then().body("state", equalTo("REFUNDED")));
    }

    @Test
    void M2_the_payer_is_told_of_the_account_given_on_the_form_with_the_iban_masked() throws Exception {
        String paymentId = checkout("patron-t3", REGIE, "EUR", 1500);
        given().get(choose(start("patron-t3", paymentId), "paid")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> citizen("patron-t3").get("/payments/" + paymentId)
                .then().body("state", equalTo("SETTLED")));
        SimulatorResource.simulator.traps.refuseRefunds = true;
        String refundId = UUID.randomUUID().toString();
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            Events.aRefundRequested().id(refundId).ofInvoice("inv-t3").forAccount("patron-t3")
                    .through(paymentId, 700, "EUR").because("overcharged").publish(TENANT);
            String form = form(tap, paymentId, 1);
            given().contentType(ContentType.JSON).body(Map.of("holderName", "Eve", "iban", "BE71096123456768"))
                    .post(form).then().statusCode(400);
            given().contentType(ContentType.URLENC).formParam("holderName", "Eve Intruder")
                    .formParam("iban", "NL91 ABNA 0417 1643 00").post(form).then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("holderName", "Jan Novák", "iban", "BE71096123456769"))
                    .post(form).then().statusCode(410);

            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.REFUND_BANK_DETAILS_GIVEN), Duration.ofSeconds(30));
            assertEquals(List.of(), EventContract.violations(r.value()));
            RefundBankDetailsGiven told = EventJson.read(r.value()).payloadAs(RefundBankDetailsGiven.class);
            assertEquals(refundId, told.refundId());
            assertEquals(paymentId, told.paymentId());
            assertEquals(700, told.amount());
            assertEquals("EUR", told.currency());
            assertEquals("NL91…4300", told.maskedIban());
            assertEquals("Eve Intruder", told.holderName());
            assertEquals("patron-t3", told.payer().subject());
            assertEquals("patron-t3@example.cz", told.payer().email(), "the payer of the payment, not who typed");
            assertTrue(!r.value().contains("ABNA0417") && !r.value().contains("0417164300"), r.value());
            // the refused attempts (invalid, link used) tell nobody anything
            assertEquals(1, tap.collect(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.REFUND_BANK_DETAILS_GIVEN), Duration.ofSeconds(3)).size());
        } finally {
            SimulatorResource.simulator.traps.refuseRefunds = false;
        }
    }

    /** The form path of the n-th RefundAwaitingBankDetails seen for the payment. */
    static String form(EventTap tap, String paymentId, int nth) {
        await().atMost(Duration.ofSeconds(30)).until(() -> tap.collect(x -> x.key().equals(paymentId)
                && EventJson.read(x.value()).is(EventType.REFUND_AWAITING_BANK_DETAILS), Duration.ofMillis(300)).size() >= nth);
        return formPath(EventJson.read(tap.collect(x -> x.key().equals(paymentId)
                        && EventJson.read(x.value()).is(EventType.REFUND_AWAITING_BANK_DETAILS), Duration.ofMillis(1)).get(nth - 1)
                .value()).payloadAs(RefundAwaitingBankDetails.class));
    }

    /** The form's path, from the link the event carries sealed (M7), opened as notification-service opens it. */
    static String formPath(RefundAwaitingBankDetails waiting) {
        String url = Arc.container().instance(EventSeal.class).get().open(waiting.sealedFormUrl(), waiting.manualRefundId());
        return url.substring(url.indexOf("/refund-forms/"));
    }

    /** GET /manual-refunds/open: the count and amount of EUR refunds by transfer in this state (0 and 0: none). */
    private static List<Long> open(String state) {
        List<Map<String, Object>> rows = finance().get("/manual-refunds/open").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.state == '" + state + "' && it.currency == 'EUR' }");
        assertTrue(rows.size() <= 1, rows.toString());
        return rows.isEmpty() ? List.of(0L, 0L) : List.of(((Number) rows.get(0).get("count")).longValue(),
                ((Number) rows.get(0).get("amount")).longValue());
    }
}
