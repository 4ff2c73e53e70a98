package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.testing.Events;
import org.guichet.testing.MassAssignment;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.path.json.JsonPath.from;
import static org.awaitility.Awaitility.await;
import static org.guichet.billing.Fixtures.as;
import static org.guichet.billing.Fixtures.createInvoice;
import static org.guichet.billing.Fixtures.invoice;
import static org.guichet.testing.MassAssignment.FORGED_ID;
import static org.guichet.testing.MassAssignment.FORGED_SUBJECT;
import static org.guichet.testing.MassAssignment.over;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Mass assignment: bodies that also set ids, tenant, owner and operator, state, the money the
 * server computes, numbers and timestamps ({@link MassAssignment}). What is stored comes from the token
 * and the rules, field by field.
 */
@QuarkusTest
class MassAssignmentTest extends BillingTestResource {
    static final String AGENT = "agent-ma";

    static Map<String, Object> invoiceRow(String id) {
        return TestRows.of("billing").one("select tenant, account_id, created_by, state, amount, paid, waived, refunded, "
                + "regie, number, pending_payment_id, version, issued_on from invoice where id = ?", UUID.fromString(id));
    }

    @Test
    void a_bill_takes_its_tenant_operator_number_state_and_money_from_the_server() {
        String answer = as("agent", AGENT).body(over(invoice("patron-ma1", 2500))).post("/invoices").then()
                .statusCode(201)
                .body("accountId", equalTo("patron-ma1"))
                .body("amount", equalTo(2500))
                .body("paid", equalTo(0))
                .body("waived", equalTo(0))
                .body("refunded", equalTo(0))
                .body("outstanding", equalTo(2500))
                .body("state", equalTo("OPEN"))
                .body("currency", equalTo("CZK"))
                .body("regie", equalTo("kladno-library"))
                .body("number", matchesPattern("LIB-KLADNO-\\d{4}-\\d{6}"))
                .body("paymentPending", equalTo(false))
                .extract().asString();
        MassAssignment.assertNoneEchoed(answer);
        String id = from(answer).getString("id");
        assertNotEquals(FORGED_ID, id);

        Map<String, Object> row = invoiceRow(id);
        assertEquals("lib-kladno", row.get("tenant"));
        assertEquals("patron-ma1", row.get("account_id"));
        assertEquals(AGENT, row.get("created_by"));
        assertEquals("OPEN", row.get("state"));
        assertEquals(0L, row.get("paid"));
        assertEquals(0L, row.get("waived"));
        assertEquals(0L, row.get("refunded"));
        assertNull(row.get("pending_payment_id"));
        assertEquals(0, row.get("version"));
        assertNotEquals(LocalDate.parse(MassAssignment.FORGED_DAY), ((java.sql.Date) row.get("issued_on")).toLocalDate());
        as("agent", AGENT).get("/invoices/" + id + "/history").then()
                .body("[0].action", equalTo("CREATED"))
                .body("[0].operator", equalTo(AGENT))
                .body("[0].grantedBy", nullValue())
                .body("[0].amount", equalTo(2500));
        as("agent", "agent-namur", "ville-namur").get("/invoices/" + id).then().statusCode(404);
    }

    @Test
    void waives_cancels_and_notes_record_the_callers_action_for_the_server_s_amounts() {
        String waived = createInvoice("patron-ma2", 3000);
        String answer = as("agent", AGENT).body(over(Map.of("amount", 1000, "notes", "goodwill")))
                .post("/invoices/" + waived + "/waive").then().statusCode(200)
                .body("id", equalTo(waived))
                .body("waived", equalTo(1000))
                .body("paid", equalTo(0))
                .body("outstanding", equalTo(2000))
                .body("state", equalTo("PARTIALLY_PAID"))
                .extract().asString();
        MassAssignment.assertNoneEchoed(answer);
        as("agent", AGENT).body(over(Map.of("text", "called the patron"))).post("/invoices/" + waived + "/notes")
                .then().statusCode(200)
                .body("action", equalTo("NOTE"))
                .body("amount", equalTo(0))
                .body("operator", equalTo(AGENT));
        as("agent", AGENT).get("/invoices/" + waived + "/history").then()
                .body("find { it.action == 'WAIVE' }.amount", equalTo(1000))
                .body("find { it.action == 'WAIVE' }.operator", equalTo(AGENT))
                .body("find { it.action == 'WAIVE' }.grantedBy", nullValue());

        String cancelled = createInvoice("patron-ma2", 1200);
        as("agent", AGENT).body(over(Map.of("notes", "duplicate"))).post("/invoices/" + cancelled + "/cancel").then()
                .statusCode(200)
                .body("state", equalTo("CANCELLED"))
                .body("amount", equalTo(1200))
                .body("paid", equalTo(0))
                .body("waived", equalTo(0));
        as("agent", AGENT).get("/invoices/" + cancelled + "/history").then()
                .body("find { it.action == 'CANCEL' }.amount", equalTo(1200))
                .body("find { it.action == 'CANCEL' }.operator", equalTo(AGENT));
        Map<String, Object> row = invoiceRow(cancelled);
        assertEquals("lib-kladno", row.get("tenant"));
        assertEquals(1200L, row.get("amount"));
    }

    @Test
    void waiving_an_account_waives_that_account_s_bills_by_the_server_s_shares() {
        String older = createInvoice("patron-ma3", 700);
        String newer = createInvoice("patron-ma3", 900);
        String other = createInvoice(FORGED_SUBJECT, 500);
        as("agent", AGENT).body(over(Map.of("amount", 1000, "notes", "hardship")))
                .post("/accounts/patron-ma3/waive").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("accountId", org.hamcrest.Matchers.everyItem(equalTo("patron-ma3")))
                .body("find { it.id == '" + older + "' }.waived", equalTo(700))
                .body("find { it.id == '" + newer + "' }.waived", equalTo(300));
        as("agent", AGENT).get("/invoices/" + other).then().body("waived", equalTo(0)).body("state", equalTo("OPEN"));
    }

    @Test
    void a_refund_goes_to_the_bill_s_own_payment_and_account_whatever_the_body_names() {
        String bill = createInvoice("patron-ma4", 2000);
        String paymentId = RefundAndPendingTest.settleOnline(bill, 2000);

        String toCredit = as("agent", AGENT).body(over(Map.of("amount", 500, "destination", "CREDIT",
                        "reason", "overcharged"))).post("/invoices/" + bill + "/refunds").then().statusCode(201)
                .body("invoiceId", equalTo(bill))
                .body("amount", equalTo(500))
                .body("currency", equalTo("CZK"))
                .body("destination", equalTo("CREDIT"))
                .body("state", equalTo("ISSUED"))
                .body("paymentId", nullValue())
                .body("operator", equalTo(AGENT))
                .body("grantedBy", nullValue())
                .extract().asString();
        MassAssignment.assertNoneEchoed(toCredit);
        as("agent", AGENT).get("/accounts/patron-ma4/summary").then().body("credit", equalTo(500));
        as("agent", AGENT).get("/accounts/" + FORGED_SUBJECT + "/summary").then().body("credit", equalTo(0));

        String toPayment = as("agent", AGENT).body(over(Map.of("amount", 300, "destination", "ORIGINAL")))
                .post("/invoices/" + bill + "/refunds").then().statusCode(202)
                .body("paymentId", equalTo(paymentId))
                .body("state", equalTo("REQUESTED"))
                .body("amount", equalTo(300))
                .body("operator", equalTo(AGENT))
                .extract().asString();
        MassAssignment.assertNoneEchoed(toPayment);
        Map<String, Object> row = TestRows.of("billing").one("select tenant, account_id, invoice_id, amount, state, "
                + "operator from refund where id = ?", UUID.fromString(from(toPayment).getString("id")));
        assertEquals("lib-kladno", row.get("tenant"));
        assertEquals("patron-ma4", row.get("account_id"));
        assertEquals(UUID.fromString(bill), row.get("invoice_id"));
        as("agent", AGENT).get("/invoices/" + bill).then().body("refunded", equalTo(800)).body("paid", equalTo(2000));
    }

    @Test
    void paying_from_credit_takes_the_path_account_s_credit_for_its_own_bills() {
        String bill = createInvoice("patron-ma5", 1000);
        Events.aPaymentSettled().of(1500, "CZK").depositing("patron-ma5").by(RefundAndPendingTest.PAYER)
                .publish("lib-kladno");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("agent", AGENT).get("/accounts/patron-ma5/summary")
                .then().body("credit", equalTo(1500)));

        as("agent", AGENT).body(over(Map.of("amount", 600))).post("/accounts/patron-ma5/pay-from-credit").then()
                .statusCode(200)
                .body("paid", equalTo(600))
                .body("creditLeft", equalTo(900))
                .body("invoicesPaid", equalTo(List.of(bill)));
        as("agent", AGENT).get("/invoices/" + bill + "/history").then()
                .body("find { it.action == 'PAYMENT' }.amount", equalTo(600))
                .body("find { it.action == 'PAYMENT' }.paymentMode", equalTo("CREDIT"))
                .body("find { it.action == 'PAYMENT' }.operator", equalTo(AGENT))
                .body("find { it.action == 'PAYMENT' }.reference", matchesPattern("CREDIT-[0-9a-f]{8}"));
        as("agent", AGENT).get("/accounts/" + FORGED_SUBJECT + "/summary").then().body("credit", equalTo(0));

        // the citizen pays their own bills from their own credit (all it can), whatever account the body names
        as("citizen", "patron-ma5").body(over(Map.of(), List.of("amount"))).post("/accounts/me/pay-from-credit").then().statusCode(200)
                .body("paid", equalTo(400))
                .body("creditLeft", equalTo(500));
        as("agent", AGENT).get("/invoices/" + bill).then().body("state", equalTo("PAID")).body("paid", equalTo(1000));
    }

    @Test
    void an_account_and_a_loan_registered_with_forged_fields_belong_to_the_caller_s_institution() {
        as("agent", AGENT).body(over(Map.of("accountId", "patron-ma6", "name", "Marta Svobodová", "city", "Kladno")))
                .post("/accounts").then().statusCode(200)
                .body("accountId", equalTo("patron-ma6"))
                .body("collectionsSince", nullValue());
        assertEquals("lib-kladno", TestRows.of("billing").one("select tenant from account where account_id = ?",
                "patron-ma6").get("tenant"));
        as("agent", AGENT).get("/accounts/patron-ma6/summary").then()
                .body("credit", equalTo(0))
                .body("currentCharges", equalTo(0))
                .body("inCollections", equalTo(false));
        as("agent", "agent-namur", "ville-namur").get("/accounts?number=patron-ma6").then().body("size()", equalTo(0));

        String loan = "MA-LOAN-" + UUID.randomUUID().toString().substring(0, 6);
        String answer = as("agent", AGENT).body(over(Map.of("loanId", loan, "accountId", "patron-ma6",
                        "itemBarcode", "BC-MA-6", "dueDate", LocalDate.now().plusDays(14).toString())))
                .post("/loans").then().statusCode(201)
                .body("loanId", equalTo(loan))
                .body("accrued", equalTo(0))
                .body("fixed", equalTo(0))
                .body("renewals", equalTo(0))
                .body("returnedOn", nullValue())
                .body("lostOn", nullValue())
                .body("currency", equalTo("CZK"))
                .extract().asString();
        MassAssignment.assertNoneEchoed(answer);
        Map<String, Object> row = TestRows.of("billing").one("select tenant, account_id, accrued, fixed from loan "
                + "where external_id = ?", loan);
        assertEquals("lib-kladno", row.get("tenant"));
        assertEquals(0L, row.get("accrued"));
    }

    @Test
    void an_override_is_granted_by_the_caller() {
        String answer = as("supervisor", "sup-ma").body(over(Map.of("agent", "trainee-ma", "action", "WAIVE",
                        "accountId", "patron-ma-override"), List.of("invoiceId")))
                .post("/overrides").then().statusCode(200)
                .body("agent", equalTo("trainee-ma"))
                .body("action", equalTo("WAIVE"))
                .body("accountId", equalTo("patron-ma-override"))
                .body("invoiceId", nullValue())
                .body("grantedBy", equalTo("sup-ma"))
                .extract().asString();
        MassAssignment.assertNoneEchoed(answer);
    }
}
