package org.guichet.reporting;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.events.EventType;
import org.guichet.events.payload.InvoiceCreated;
import org.guichet.events.payload.PaymentLine;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.guichet.reporting.Callers.finance;
import static org.guichet.reporting.TransactionReadModelTest.PAYER;
import static org.guichet.reporting.TransactionReadModelTest.TENANT;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/**
 * A transaction in full (its refunds and the timeline of its events), the institution filter (a bill of
 * another library of the group paid here), totals per reason, and searches that name an unknown filter.
 */
@QuarkusTest
class TransactionDetailTest extends ReportingTestResource {

    static PaymentSettled settlement(String paymentId, String reference, String regie, List<PaymentLine> lines) {
        long total = lines.stream().mapToLong(PaymentLine::amount).sum();
        return Events.aPaymentSettled().id(paymentId).reference(reference).regie(regie).of(total, "EUR")
                .through("mollie", "tr_" + reference).by(PAYER).lines(lines).build();
    }

    @Test
    void refunds_before_or_after_the_settlement_are_counted_once_and_the_detail_shows_the_timeline() {
        String paymentId = UUID.randomUUID().toString();
        String invoiceId = UUID.randomUUID().toString();
        String reference = "DETAIL-" + paymentId.substring(0, 8);
        List<PaymentLine> lines = List.of(new PaymentLine("INVOICE", invoiceId, TENANT, "Concession", 2500));
        // the refund is seen first (another partition), then the bill, the settlement, a second refund
        String earlyEvent = Events.aRefundIssued().ofPayment(paymentId, reference).regie("namur-population")
                .of(500, "EUR").through("mollie", "GATEWAY").because("duplicate").lines(lines).publish(TENANT);
        TestEvents.publish(EventType.INVOICE_CREATED, TENANT, invoiceId, new InvoiceCreated(invoiceId, "F-1", "acc-1",
                "namur-population", 2500, "EUR", "FEE", "Concession", java.time.LocalDate.now(), "agent-1"));
        TestEvents.publish(EventType.PAYMENT_SETTLED, TENANT, paymentId, settlement(paymentId, reference,
                "namur-population", lines));
        Events.aRefundIssued().ofPayment(paymentId, reference).regie("namur-population").of(700, "EUR")
                .through("mollie", "GATEWAY").because("refused request").lines(lines).publish(TENANT);
        EventTap.send(EventType.REFUND_ISSUED.topic(), paymentId, earlyEvent);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().get("/transactions/" + paymentId).then()
                .statusCode(200).body("transaction.refunded", equalTo(1200)).body("refunds", hasSize(2))
                .body("timeline.event", hasItems("RefundIssued", "PaymentSettled", "InvoiceCreated"))
                .body("timeline.find { it.event == 'InvoiceCreated' }.about", equalTo(invoiceId)));
        finance().queryParam("q", reference).get("/transactions").then().body("[0].refunded", equalTo(1200));
        finance().accept("text/csv").queryParam("q", reference).get("/transactions").then()
                .body(containsString(";Concession = 25,00;;12,00\n"));
    }

    @Test
    void a_transaction_of_another_institution_or_a_made_up_id_is_not_found() {
        String paymentId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.PAYMENT_SETTLED, TENANT, paymentId, settlement(paymentId, "HIDDEN-1",
                "namur-population", List.of(new PaymentLine("INVOICE", "x", TENANT, "Taxe", 100))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().get("/transactions/" + paymentId).then()
                .statusCode(200));
        Callers.as("finance", "f", "lib-kladno")
                .get("/transactions/" + paymentId).then().statusCode(404).contentType("application/problem+json");
        finance().get("/transactions/not-an-id").then().statusCode(404);
    }

    @Test
    void the_institution_filter_finds_bills_of_another_library_of_the_group_and_totals_go_by_reason() {
        String regie = "group-" + UUID.randomUUID().toString().substring(0, 8);
        String own = UUID.randomUUID().toString();
        String forSlany = UUID.randomUUID().toString();
        TestEvents.publish(EventType.PAYMENT_SETTLED, TENANT, own, settlement(own, regie + "-1", regie,
                List.of(new PaymentLine("INVOICE", "i1", TENANT, "Late fee", 300),
                        new PaymentLine("INVOICE", "i2", TENANT, "Lost item", 2000))));
        TestEvents.publish(EventType.PAYMENT_SETTLED, TENANT, forSlany, settlement(forSlany, regie + "-2", regie,
                List.of(new PaymentLine("INVOICE", "i3", "lib-slany", "Late fee", 200))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().queryParam("regie", regie)
                .get("/transactions").then().body("$", hasSize(2)));

        finance().queryParam("regie", regie).queryParam("institution", "lib-slany").get("/transactions").then()
                .body("$", hasSize(1)).body("[0].paymentId", equalTo(forSlany));
        finance().queryParam("regie", regie).queryParam("institution", TENANT).get("/transactions").then()
                .body("$", hasSize(1)).body("[0].paymentId", equalTo(own));
        finance().queryParam("by", "reason").queryParam("regie", regie).get("/transactions/totals").then()
                .statusCode(200).body("$", hasSize(2))
                .body("find { it.key == 'Late fee' }.total", equalTo(500))
                .body("find { it.key == 'Late fee' }.count", equalTo(2))
                .body("find { it.key == 'Lost item' }.total", equalTo(2000));
        finance().queryParam("by", "reason").queryParam("regie", regie).queryParam("institution", "lib-slany")
                .get("/transactions/totals").then().body("$", hasSize(1)).body("[0].total", equalTo(200));
    }

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_are_neutralised_in_the_csv() {
        String paymentId = UUID.randomUUID().toString();
        String regie = "formula-" + paymentId.substring(0, 8);
        Events.aPaymentSettled().id(paymentId).reference("+++090/9337/55493+++").regie(regie).of(1000, "EUR")
                .through("mollie", "-tr_x").by(new org.guichet.events.payload.Payer("c-f", "=HYPERLINK(\"http://evil\")", null, "fr"))
                .lines(new PaymentLine("INVOICE", "i-f", TENANT, "@SUM(A1)", 1000)).publish(TENANT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().queryParam("regie", regie)
                .get("/transactions").then().body("$", hasSize(1)));
        String csv = finance().queryParam("regie", regie).get("/transactions/export.csv").then().statusCode(200)
                .extract().asString();
        String row = csv.split("\n")[1];
        org.junit.jupiter.api.Assertions.assertTrue(row.startsWith("'+++090/9337/55493+++;"), row);
        org.junit.jupiter.api.Assertions.assertTrue(row.contains(";\"'=HYPERLINK(\"\"http://evil\"\")\";10,00;EUR;"), row);
        org.junit.jupiter.api.Assertions.assertTrue(row.contains(";'-tr_x;'@SUM(A1) = 10,00;;0,00"), row);
    }

    @Test
    void unknown_filters_and_malformed_amounts_are_refused() {
        finance().queryParam("regei", "typo").get("/transactions").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("regei"));
        finance().queryParam("minAmount", "12,50").get("/transactions/export.csv").then().statusCode(400)
                .body("errors[0].field", equalTo("minAmount"));
        finance().queryParam("institution", "Lib Slaný").get("/transactions").then().statusCode(400)
                .body("errors[0].field", equalTo("institution"));
        finance().queryParam("by", "colour").get("/transactions/totals").then().statusCode(400);
    }
}
