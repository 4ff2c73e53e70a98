package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.events.payload.ReceiptRequested;
import org.guichet.testing.EventTap;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.guichet.payment.Callers.citizen;
import static org.guichet.payment.SandboxPaymentTest.checkout;
import static org.guichet.payment.SandboxPaymentTest.decide;
import static org.guichet.payment.SandboxPaymentTest.startAndGetHostedPage;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R12: a settled payment has a numbered receipt, printable here and emailed to any address on request. */
@QuarkusTest
class ReceiptTest extends PaymentTestResource {

    static String pay(String patron, long amount) {
        String paymentId = checkout(patron, "kladno-library", "CZK", amount);
        given().get(decide(startAndGetHostedPage(patron, paymentId), "pay")).then().statusCode(200);
        return paymentId;
    }

    @Test
    void a_settled_payment_has_a_numbered_receipt_as_pdf_and_in_PaymentSettled() throws Exception {
        String unpaid = checkout("patron-r1", "kladno-library", "CZK", 100);
        citizen("patron-r1").get("/payments/" + unpaid + "/receipt").then().statusCode(409);
        String paymentId;
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            paymentId = pay("patron-r1", 4200);
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.PAYMENT_SETTLED), Duration.ofSeconds(20));
            PaymentSettled settled = EventJson.read(r.value()).payloadAs(PaymentSettled.class);
            assertTrue(settled.receiptNumber().matches("RC-LIB-KLADNO-\\d{4}-\\d{6}"), settled.receiptNumber());
            assertEquals("KNIHOVNA KLADNO", settled.statementDescriptor());
        }
        String number = citizen("patron-r1").get("/payments/" + paymentId).then()
                .body("receiptNumber", matchesPattern("RC-LIB-KLADNO-\\d{4}-\\d{6}")).extract().path("receiptNumber");
        String other = pay("patron-r1", 100);
        assertNotEquals(number, citizen("patron-r1").get("/payments/" + other).then().extract().path("receiptNumber"));

        byte[] pdf = citizen("patron-r1").accept("application/pdf").get("/payments/" + paymentId + "/receipt").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(number), text);
            assertTrue(text.contains("Total: 42.00 CZK"), text);
            assertTrue(text.contains("KNIHOVNA KLADNO"), text);
        }
        citizen("patron-r2").get("/payments/" + paymentId + "/receipt").then().statusCode(404);
    }

    @Test
    void a_receipt_is_emailed_to_another_address_for_this_receipt_only() {
        String paymentId = pay("patron-r3", 900);
        citizen("patron-r3").body(Map.of("email", "not an address")).post("/payments/" + paymentId + "/receipt/emails")
                .then().statusCode(400);
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            citizen("patron-r3").body(Map.of("email", "accounts@employer.example.cz"))
                    .post("/payments/" + paymentId + "/receipt/emails").then().statusCode(202);
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.RECEIPT_REQUESTED), Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(r.value()));
            ReceiptRequested asked = EventJson.read(r.value()).payloadAs(ReceiptRequested.class);
            assertEquals("accounts@employer.example.cz", asked.email());
            assertEquals(900, asked.payment().amount());
            assertEquals(asked.receiptNumber(), asked.payment().receiptNumber());
        }
        // the institution's name is not a way to mail anyone at will: a few sends per receipt a day
        for (int i = 1; i < 5; i++) {
            citizen("patron-r3").body(Map.of("email", "copy" + i + "@example.cz"))
                    .post("/payments/" + paymentId + "/receipt/emails").then().statusCode(202);
        }
        citizen("patron-r3").body(Map.of("email", "one-more@example.cz")).post("/payments/" + paymentId + "/receipt/emails")
                .then().statusCode(429).contentType("application/problem+json");
    }

    @Test
    void L10_a_citizen_cannot_mail_many_addresses_by_spreading_the_sends_over_many_receipts() {
        List<String> receipts = List.of(pay("patron-l10", 100), pay("patron-l10", 200), pay("patron-l10", 300));
        int sent = 0;
        for (String paymentId : receipts) {
            for (int i = 0; i < 4 && sent < 10; i++, sent++) {
                citizen("patron-l10").body(Map.of("email", "someone" + sent + "@example.cz"))
                        .post("/payments/" + paymentId + "/receipt/emails").then().statusCode(202);
            }
        }
        // the third receipt has had two sends of its five, but the citizen has had ten today
        citizen("patron-l10").body(Map.of("email", "someone-else@example.cz"))
                .post("/payments/" + receipts.get(2) + "/receipt/emails").then().statusCode(429)
                .contentType("application/problem+json");
        // an agent at the desk is not held to the citizen's count
        Callers.as("agent", "agent-l10", Callers.TENANT).body(Map.of("email", "patron-l10@example.cz"))
                .post("/payments/" + receipts.get(2) + "/receipt/emails").then().statusCode(202);
    }
}
