package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import static org.guichet.billing.Fixtures.as;
import static org.guichet.billing.Fixtures.createInvoice;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Account statements (PDF) for the patron and the counter, read back as text. */
@QuarkusTest
class StatementTest extends BillingTestResource {

    @Test
    void a_statement_lists_the_bills_history_and_totals_of_the_period_with_the_patrons_name_as_written() throws IOException {
        as("agent", "agent-7").body(Map.of("accountId", "patron-st", "name", "Jiřina Šťastná")).post("/accounts")
                .then().statusCode(200);
        String paid = createInvoice("patron-st", 1250);
        String waived = createInvoice("patron-st", 4000);
        as("agent", "agent-7").body(Map.of("amount", 1000, "notes", "goodwill")).post("/invoices/" + waived + "/waive")
                .then().statusCode(200);
        CreditAndAllocationTest.settle("patron-st", new org.guichet.events.payload.PaymentLine("INVOICE", paid,
                "lib-kladno", "fee", 1250));
        CreditAndAllocationTest.summary("patron-st", 3000, 0);
        String number = as("agent", "a").get("/invoices/" + paid).then().extract().path("number");

        LocalDate today = LocalDate.now();
        byte[] pdf = as("citizen", "patron-st").queryParam("from", today.minusDays(7).toString())
                .queryParam("to", today.plusDays(1).toString()).get("/accounts/me/statement")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains("Jiřina Šťastná"), text);
        assertTrue(text.contains("Městská knihovna Kladno"), text);
        assertTrue(text.contains(number), text);
        assertTrue(text.contains("Billed in the period: 52.50 CZK"), text);
        assertTrue(text.contains("Paid: 12.50 CZK"), text);
        assertTrue(text.contains("Waived: 10.00 CZK"), text);
        assertTrue(text.contains("Balance due: 30.00 CZK"), text);
        assertTrue(text.contains("goodwill"), text);

        as("agent", "a").queryParam("from", "2026-13-01").queryParam("to", "2026-12-01")
                .get("/accounts/patron-st/statement").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        as("agent", "a").queryParam("from", "2026-12-01").queryParam("to", "2026-11-01")
                .get("/accounts/patron-st/statement").then().statusCode(400);
        as("agent", "a").queryParam("from", today.minusDays(7).toString()).queryParam("to", today.toString())
                .get("/accounts/patron-st/statement").then().statusCode(200).contentType("application/pdf");
    }
}
