package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.ReceiptRequested;
import org.guichet.events.payload.RefundAwaitingBankDetails;
import org.guichet.testing.BillingStandIn;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.guichet.testing.MassAssignment;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.restassured.path.json.JsonPath.from;
import static org.awaitility.Awaitility.await;
import static org.guichet.payment.Callers.citizen;
import static org.guichet.payment.SandboxPaymentTest.TENANT;
import static org.guichet.payment.SandboxPaymentTest.checkout;
import static org.guichet.testing.MassAssignment.over;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Mass assignment: counter payments, deposits, starting a payment, receipt emails and the
 * refund form's bank details, each sent with forged ids, tenant, owner, operator, state, amounts, lines,
 * references and times ({@link MassAssignment}). What is stored and published comes from the token,
 * billing's answer and the régie's configuration, field by field.
 */
@QuarkusTest
class MassAssignmentTest extends PaymentTestResource {
    static final String AGENT = "agent-pma";

    static RequestSpecification agent() {
        return Callers.as("agent", AGENT, TENANT);
    }

    static Map<String, Object> paymentRow(String id) {
        return TestRows.of("payment").one("select tenant, owner, operator, state, regie, gateway, mode, amount, currency, "
                + "refunded, change_given, tendered, flag, reference, receipt_number from payment where id = ?",
                UUID.fromString(id));
    }

    @Test
    void a_counter_payment_takes_tenant_agent_lines_and_change_from_the_token_billing_and_its_rules() {
        String older = UUID.randomUUID().toString();
        String newer = UUID.randomUUID().toString();
        BillingStandIn.answer("patron-pma1", true, false, 1500, List.of(new BillingStandIn.Bill(older, "N-1", 800),
                new BillingStandIn.Bill(newer, "N-2", 700)));
        Map<String, Object> body = over(Map.of("accountId", "patron-pma1", "invoiceIds", List.of(older, newer),
                "amount", 1000, "mode", "CASH", "tendered", 2000), List.of("institution"));
        String receipt = agent().header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/counter-payments").then().statusCode(201)
                .body("accountId", equalTo("patron-pma1"))
                .body("institution", equalTo("lib-kladno"))
                .body("amount", equalTo(1000))
                .body("currency", equalTo("CZK"))
                .body("mode", equalTo("CASH"))
                .body("tendered", equalTo(2000))
                .body("change", equalTo(1000))
                .body("receiptNumber", matchesPattern("RC-LIB-KLADNO-\\d{4}-\\d{6}"))
                .body("paymentReference", matchesPattern("KLADNO-LIBRARY-\\d+"))
                .body("lines.size()", equalTo(2))
                .body("lines[0].refId", equalTo(older))
                .body("lines[0].amount", equalTo(800))
                .body("lines[0].tenant", equalTo("lib-kladno"))
                .body("lines[1].refId", equalTo(newer))
                .body("lines[1].amount", equalTo(200))
                .extract().asString();
        MassAssignment.assertNoneEchoed(receipt);

        Map<String, Object> row = paymentRow(from(receipt).getString("paymentId"));
        assertEquals(TENANT, row.get("tenant"));
        assertEquals("patron-pma1", row.get("owner"));
        assertEquals(AGENT, row.get("operator"));
        assertEquals("SETTLED", row.get("state"));
        assertEquals("kladno-library", row.get("regie"));
        assertEquals("counter", row.get("gateway"));
        assertEquals("CASH", row.get("mode"));
        assertEquals(1000L, row.get("amount"));
        assertEquals("CZK", row.get("currency"));
        assertEquals(0L, row.get("refunded"));
        assertEquals(1000L, row.get("change_given"));
        assertNull(row.get("flag"));
    }

    @Test
    void a_deposit_is_the_citizen_s_own_and_starts_as_any_payment() {
        String answer = citizen("patron-pma2").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(over(Map.of("amount", 700))).post("/deposits").then().statusCode(201)
                .body("amount", equalTo(700))
                .body("currency", equalTo("CZK"))
                .body("state", equalTo("CREATED"))
                .body("regie", equalTo("kladno-library"))
                .body("gateway", equalTo("sandbox"))
                .body("lines.size()", equalTo(1))
                .body("lines[0].kind", equalTo("DEPOSIT"))
                .body("lines[0].refId", equalTo("patron-pma2"))
                .body("lines[0].tenant", equalTo("lib-kladno"))
                .body("lines[0].amount", equalTo(700))
                .body("flag", nullValue())
                .body("receiptNumber", nullValue())
                .body("settledAt", nullValue())
                .extract().asString();
        MassAssignment.assertNoneEchoed(answer);
        String id = from(answer).getString("id");
        Map<String, Object> row = paymentRow(id);
        assertEquals(TENANT, row.get("tenant"));
        assertEquals("patron-pma2", row.get("owner"));
        assertEquals("ONLINE", row.get("mode"));
        assertNull(row.get("operator"));

        // starting it with a body changes nothing of it either
        String started = citizen("patron-pma2").body(over(Map.of())).post("/payments/" + id + "/start").then()
                .statusCode(200)
                .body("state", equalTo("PENDING"))
                .body("amount", equalTo(700))
                .body("gateway", equalTo("sandbox"))
                .extract().asString();
        MassAssignment.assertNoneEchoed(started);
        assertEquals(700L, paymentRow(id).get("amount"));
        assertEquals("patron-pma2", paymentRow(id).get("owner"));
    }

    @Test
    void a_receipt_is_sent_for_the_path_s_payment_at_the_caller_s_request() {
        String paymentId = ReceiptTest.pay("patron-pma3", 900);
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            citizen("patron-pma3").body(over(Map.of("email", "accounts@employer.example.cz")))
                    .post("/payments/" + paymentId + "/receipt/emails").then().statusCode(202);
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.RECEIPT_REQUESTED), Duration.ofSeconds(20));
            ReceiptRequested asked = EventJson.read(r.value()).payloadAs(ReceiptRequested.class);
            assertEquals(paymentId, asked.paymentId());
            assertEquals("accounts@employer.example.cz", asked.email());
            assertEquals("patron-pma3", asked.requestedBy());
            assertEquals(900, asked.payment().amount());
            assertEquals(TENANT, EventJson.read(r.value()).tenant());
            MassAssignment.assertNoneEchoed(r.value());
        }
        Map<String, Object> row = TestRows.of("payment").one("select payment_id, requested_by from receipt_email "
                + "where payment_id = ?", UUID.fromString(paymentId));
        assertEquals("patron-pma3", row.get("requested_by"));
    }

    @Test
    void the_refund_form_takes_only_the_payer_s_bank_details() {
        String paymentId = checkout("patron-pma4", MolliePaymentTest.REGIE, "EUR", 3000);
        given().get(MolliePaymentTest.choose(MolliePaymentTest.start("patron-pma4", paymentId), "paid")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> citizen("patron-pma4").get("/payments/" + paymentId)
                .then().body("state", equalTo("SETTLED")));
        String refundId = UUID.randomUUID().toString();
        SimulatorResource.simulator.traps.refuseRefunds = true;
        String form;
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            Events.aRefundRequested().id(refundId).forAccount("patron-pma4").through(paymentId, 1200, "EUR")
                    .because("refused request").publish(TENANT);
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.REFUND_AWAITING_BANK_DETAILS), Duration.ofSeconds(30));
            form = RefundByTransferTest.formPath(EventJson.read(r.value()).payloadAs(RefundAwaitingBankDetails.class));
        } finally {
            SimulatorResource.simulator.traps.reset();
        }
        String answer = given().contentType(ContentType.JSON).body(over(Map.of("holderName", "Jan Novák",
                        "iban", "FR1420041010050500013M02606"))).post(form).then().statusCode(200)
                .body("amount", equalTo(1200))
                .body("state", equalTo("READY"))
                .body("refundId", equalTo(refundId))
                .extract().asString();
        MassAssignment.assertNoneEchoed(answer);
        Map<String, Object> row = TestRows.of("payment").one("select payment_id, refund_id, amount, currency, state, "
                + "tenant, regie, holder_name from manual_refund where refund_id = ?", refundId);
        assertEquals(UUID.fromString(paymentId), row.get("payment_id"));
        assertEquals(1200L, row.get("amount"));
        assertEquals("EUR", row.get("currency"));
        assertEquals("READY", row.get("state"));
        assertEquals(TENANT, row.get("tenant"));
        assertEquals(MolliePaymentTest.REGIE, row.get("regie"));
        assertEquals("Jan Novák", row.get("holder_name"));
        assertEquals(1200L, paymentRow(paymentId).get("refunded"));
    }
}
