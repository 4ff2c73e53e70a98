package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.AccountPseudonymised;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.events.payload.RefundAwaitingBankDetails;
import org.guichet.events.payload.TransactionsPastRetention;
import org.guichet.platform.privacy.Pseudonym;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Personal data in payment-service: the export of what it holds about a person, and billing's retention
 * decisions applied to payments, refunds by transfer (and their SEPA file), receipt addresses and the
 * gateways' raw callbacks — amounts, references, dates and states untouched.
 */
@QuarkusTest
class PersonalDataTest extends PaymentTestResource {
    static final String IBAN = "FR1420041010050500013M02606";

    @BeforeEach
    void resetTraps() {
        SimulatorResource.simulator.traps.reset();
    }

    static RequestSpecification admin(String tenant) {
        return Callers.as("admin", "dpo-1", tenant);
    }

    /** A payment ordered by {@code payer} of {@code tenant} (not started). */
    static String order(String tenant, String payer, String name) {
        String paymentId = UUID.randomUUID().toString();
        String checkoutId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.CART_CHECKED_OUT, tenant, checkoutId, new CartCheckedOut(checkoutId,
                new Payer(payer, name, payer + "@example.be", "fr"), null,
                List.of(new CartCheckedOut.PaymentRequest(paymentId, REGIE, 1500, "EUR", List.of(
                        new PaymentLine(PaymentLine.INVOICE, UUID.randomUUID().toString(), tenant, "Copie d'acte", 1500))))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Callers.as("citizen", payer, tenant)
                .get("/payments/" + paymentId).statusCode() == 200);
        return paymentId;
    }

    static JsonPath export(String tenant, String subject) {
        return admin(tenant).get("/privacy/subjects/" + subject).then().statusCode(200).extract().jsonPath();
    }

    /** Paid through Mollie, part refunded by transfer to an IBAN (the file exported and executed), a receipt re-sent. */
    static String paidAndRefundedByTransfer(String patron) throws Exception {
        String paymentId = SandboxPaymentTest.checkout(patron, REGIE, "EUR", 3000);
        given().get(choose(start(patron, paymentId), "paid")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> citizen(patron).get("/payments/" + paymentId)
                .then().body("state", equalTo("SETTLED")));
        SimulatorResource.simulator.traps.refuseRefunds = true;
        String refundId = UUID.randomUUID().toString();
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            Events.aRefundRequested().id(refundId).ofInvoice("inv-" + patron).forAccount(patron)
                    .through(paymentId, 1000, "EUR").because("overcharged").publish(TENANT);
            RefundAwaitingBankDetails waiting = EventJson.read(tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.REFUND_AWAITING_BANK_DETAILS), Duration.ofSeconds(30))
                    .value()).payloadAs(RefundAwaitingBankDetails.class);
            String form = RefundByTransferTest.formPath(waiting);
            given().contentType(ContentType.URLENC).formParam("holderName", "Jan Novák").formParam("iban", IBAN)
                    .post(form).then().statusCode(200);
        }
        Response export = finance().accept("application/xml").post("/manual-refunds/transfers?currency=EUR");
        assertEquals(201, export.statusCode(), export.asString());
        String batch = export.header("Location").substring(export.header("Location").indexOf("/manual-refunds/"));
        finance().post(batch + "/executed").then().statusCode(200);
        citizen(patron).body(Map.of("email", "accounts@employer.example.cz"))
                .post("/payments/" + paymentId + "/receipt/emails").then().statusCode(202);
        return batch;
    }

    @Test
    void the_export_holds_the_persons_payments_refunds_and_callbacks_and_nothing_of_anyone_else() throws Exception {
        String batch = paidAndRefundedByTransfer("priv-p1");
        String other = order(TENANT, "priv-p2", "Eva Svobodová");
        String otherTenant = order("lib-slany", "priv-p1", "Marie Slánská");

        JsonPath part = export(TENANT, "priv-p1");
        assertEquals("payment-service", part.getString("service"));
        assertEquals(List.of("Jan Novák"), part.getList("records.payments.payer_name"));
        assertEquals(List.of("priv-p1@example.cz"), part.getList("records.payments.payer_email"));
        assertEquals(List.of(IBAN), part.getList("records.refundsByTransfer.iban"));
        assertEquals(List.of("accounts@employer.example.cz"), part.getList("records.receiptEmails.email"));
        assertFalse(part.getList("records.gatewayCallbacks").isEmpty(), "Mollie's webhook as received");
        assertFalse(part.getList("records.transitions").isEmpty());
        String body = part.prettify();
        assertFalse(body.contains("form_token") || body.contains(other) || body.contains(otherTenant)
                || body.contains("Svobodová") || body.contains("Slánská"), body);
        assertFalse(body.contains("test_guichetSimulatorKey"), "no gateway key");

        // the citizen's own, and the rules: admin of the tenant or the person; anyone else refused
        Callers.as("citizen", "priv-p1", TENANT).get("/privacy/me").then().statusCode(200)
                .body("records.payments.payer_name", equalTo(List.of("Jan Novák")));
        assertEquals(List.of(otherTenant), export("lib-slany", "priv-p1").getList("records.payments.id"));
        finance().get("/privacy/subjects/priv-p1").then().statusCode(403).contentType("application/problem+json");
        citizen("priv-p1").get("/privacy/subjects/priv-p1").then().statusCode(403);
        given().get("/privacy/me").then().statusCode(401);
        Map<String, List<?>> nothing = export(TENANT, "nobody-" + UUID.randomUUID()).getMap("records");
        assertTrue(nothing.containsKey("payments") && nothing.values().stream().allMatch(List::isEmpty));
        assertTrue(finance().accept("application/xml").get(batch).asString().contains(IBAN));
    }

    @Test
    void a_pseudonymised_account_keeps_its_payments_and_loses_its_name_addresses_and_bank_details_once()
            throws Exception {
        String batch = paidAndRefundedByTransfer("priv-p3");
        String other = order(TENANT, "priv-p4", "Eva Svobodová");
        String otherTenant = order("lib-slany", "priv-p3", "Marie Slánská");
        JsonPath before = export(TENANT, "priv-p3");

        String pseudonym = Pseudonym.of(TENANT, "priv-p3");
        String event = TestEvents.publish(EventType.ACCOUNT_PSEUDONYMISED, TENANT, "priv-p3",
                new AccountPseudonymised("priv-p3", pseudonym, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(pseudonym),
                export(TENANT, "priv-p3").getList("records.payments.payer_name")));
        // delivered again: applied once, nothing changes
        EventTap.send(Topics.ACCOUNTS, "priv-p3", event);
        JsonPath after = export(TENANT, "priv-p3");

        assertEquals(List.of(Pseudonym.email(pseudonym)), after.getList("records.payments.payer_email"));
        assertEquals(List.of(pseudonym), after.getList("records.refundsByTransfer.holder_name"));
        assertEquals(java.util.Collections.singletonList(null), after.getList("records.refundsByTransfer.iban"));
        assertEquals(List.of(Pseudonym.email(pseudonym)), after.getList("records.receiptEmails.email"));
        assertTrue(after.getList("records.gatewayCallbacks.body", String.class).stream().allMatch(String::isEmpty));
        String xml = finance().accept("application/xml").get(batch).asString();
        assertFalse(xml.contains(IBAN) || xml.contains("Jan Novak"), xml);
        assertTrue(xml.contains("<Nm>" + pseudonym + "</Nm>"), xml);
        // what money did stays exact
        for (String column : List.of("id", "reference", "amount", "currency", "state", "regie", "lines", "created_at",
                "settled_at", "receipt_number", "refunded", "gateway_ref")) {
            assertEquals(before.getList("records.payments." + column), after.getList("records.payments." + column), column);
        }
        assertEquals(before.getList("records.refundsByTransfer.amount"), after.getList("records.refundsByTransfer.amount"));
        assertEquals(before.getList("records.refunds"), after.getList("records.refunds"));
        assertEquals(before.getList("records.transitions"), after.getList("records.transitions"));
        // nobody else
        assertEquals(List.of("Eva Svobodová"), export(TENANT, "priv-p4").getList("records.payments.payer_name"));
        assertEquals(List.of("Marie Slánská"), export("lib-slany", "priv-p3").getList("records.payments.payer_name"));
        assertNotEquals(other, otherTenant);
        // the same payments are still the person's payments, settled, for the same amount
        citizen("priv-p3").get("/payments/" + before.getString("records.payments[0].id")).then()
                .body("amount", equalTo(3000)).body("state", equalTo("PARTIALLY_REFUNDED"));
    }

    @Test
    void transactions_before_the_cut_off_are_pseudonymised_whoever_paid_them_and_later_ones_are_not() {
        String tenant = "privacy-cut-off";
        String early = order(tenant, "priv-c1", "Anna Malá");
        String alsoEarly = order(tenant, "priv-c2", "Josef Velký");
        String elsewhere = order("privacy-elsewhere", "priv-c1", "Anna Jiná");

        // a cut-off before them: nothing
        TestEvents.publish(EventType.TRANSACTIONS_PAST_RETENTION, tenant, tenant, new TransactionsPastRetention(
                Instant.now().minus(Duration.ofDays(1)), "P10Y", LocalDate.now()));
        // one after them (time has passed): theirs, each with their own pseudonym as billing makes it
        Instant cut = Instant.now().plusSeconds(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(cut));
        TestEvents.publish(EventType.TRANSACTIONS_PAST_RETENTION, tenant, tenant, new TransactionsPastRetention(
                cut, "P10Y", LocalDate.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(Pseudonym.of(tenant, "priv-c1")),
                export(tenant, "priv-c1").getList("records.payments.payer_name")));
        assertEquals(List.of(Pseudonym.email(Pseudonym.of(tenant, "priv-c2"))),
                export(tenant, "priv-c2").getList("records.payments.payer_email"));
        assertEquals(List.of(1500), export(tenant, "priv-c2").getList("records.payments.amount"));
        assertEquals(List.of("Anna Jiná"), export("privacy-elsewhere", "priv-c1").getList("records.payments.payer_name"));
        // a payment ordered after the cut-off keeps its payer
        String later = order(tenant, "priv-c1", "Anna Malá");
        assertTrue(export(tenant, "priv-c1").getList("records.payments.payer_name").contains("Anna Malá"));
        assertEquals(List.of(early, later), export(tenant, "priv-c1").getList("records.payments.id"));
        assertEquals(List.of(alsoEarly), export(tenant, "priv-c2").getList("records.payments.id"));
        assertFalse(export("privacy-elsewhere", "priv-c1").getList("records.payments.id").contains(early));
        assertEquals(List.of(elsewhere), export("privacy-elsewhere", "priv-c1").getList("records.payments.id"));
    }
}
