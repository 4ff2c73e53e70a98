package org.guichet.billing.fine;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.billing.BillingTestResource;
import org.guichet.events.EventType;
import org.guichet.events.payload.LoanReported;
import org.guichet.testing.Events;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.guichet.billing.Fixtures.someone;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * R7 lost and found, renewals, and the library system's loans topic. Loans are due in 2027 so the
 * accrual tests of 2026 never see them.
 */
@QuarkusTest
class LostItemsTest extends BillingTestResource {

    static void checkout(String tenant, String loan, String account, long replacementCost, String due) {
        someone("agent", tenant).body(Map.of("loanId", loan, "accountId", account, "itemBarcode", "BC-" + loan,
                "title", "Krakatit", "replacementCost", replacementCost, "dueDate", due)).post("/loans")
                .then().statusCode(201);
    }

    static String bill(String tenant, String account, String reason) {
        return someone("agent", tenant).get("/invoices?accountId=" + account).then().extract()
                .path("find { it.reason == '" + reason + "' }.id");
    }

    static void pay(String tenant, String invoice, long amount) {
        Events.aPaymentSettled().of(amount, "CZK").atCounter().paying(invoice).by(Events.payer("agent", "cs"))
                .publish(tenant);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> someone("agent", tenant).get("/invoices/" + invoice)
                .then().body("paid", equalTo((int) amount)));
    }

    @Test
    void R7_lost_bills_replacement_and_processing_fee_and_found_clears_the_replacement_and_charges_from_the_first_due_date() {
        String t = "lib-kladno";
        checkout(t, "LOST-1", "patron-lost-1", 40_000, "2027-06-01");
        someone("agent", t).body(Map.of("dueDate", "2027-06-08")).post("/loans/LOST-1/renewal").then().statusCode(200)
                .body("dueDate", equalTo("2027-06-08")).body("firstDueDate", equalTo("2027-06-01"))
                .body("renewals", equalTo(1));
        someone("agent", t).body(Map.of("dueDate", "2027-06-02")).post("/loans/LOST-1/renewal").then().statusCode(400);
        someone("agent", t).body(Map.of("returnedOn", "2027-06-09")).post("/loans/LOST-1/found").then().statusCode(409);

        // lost on Sat 06-12: Wed..Sat after the renewed due date = 4 operating days = 20 CZK
        someone("agent", t).body(Map.of("on", "2027-06-12")).post("/loans/LOST-1/lost").then().statusCode(200)
                .body("lostOn", equalTo("2027-06-12"));
        someone("agent", t).get("/accounts/patron-lost-1/summary").then()
                .body("currentCharges", equalTo(2000 + 40_000 + 5000)).body("accruedNotPayable", equalTo(0));
        someone("agent", t).body(Map.of("on", "2027-06-13")).post("/loans/LOST-1/lost").then().statusCode(409);

        String replacement = bill(t, "patron-lost-1", "LOST_ITEM");
        pay(t, replacement, 10_000);

        // found Sat 06-19: from the FIRST due date 06-01, 16 operating days (Sundays closed) = 80 CZK in all
        someone("agent", t).body(Map.of("returnedOn", "2027-06-19")).post("/loans/LOST-1/return").then().statusCode(200)
                .body("returnedOn", equalTo("2027-06-19")).body("accrued", equalTo(8000));
        someone("agent", t).get("/invoices/" + replacement).then().body("waived", equalTo(30_000))
                .body("refunded", equalTo(10_000)).body("outstanding", equalTo(0));
        someone("agent", t).get("/accounts/patron-lost-1/summary").then()
                .body("currentCharges", equalTo(2000 + 6000 + 5000))   // late fees and the kept processing fee
                .body("credit", equalTo(10_000))                        // the paid replacement, refunded as credit
                .body("blocks", equalTo(List.of()));                    // a policy's clearing is no waiver (R6)
        someone("agent", t).get("/invoices/" + replacement + "/history").then().body("action", hasItem("REFUND"));
    }

    @Test
    void R7_SmartPay_a_paid_replacement_fee_is_never_refunded_and_the_processing_fee_is_cleared_where_the_policy_says() {
        String t = "lib-slany";
        checkout(t, "LOST-2", "patron-lost-2", 20_000, "2027-06-01");
        someone("agent", t).body(Map.of("on", "2027-06-02")).post("/loans/LOST-2/lost").then().statusCode(200);
        String replacement = bill(t, "patron-lost-2", "LOST_ITEM");
        String processing = bill(t, "patron-lost-2", "PROCESSING_FEE");
        pay(t, replacement, 20_000);
        someone("agent", t).body(Map.of("destination", "CREDIT")).post("/invoices/" + replacement + "/refunds").then()
                .statusCode(422).body("type", equalTo("https://guichet.org/problems/no-refund-after-replacement-paid"));

        someone("agent", t).body(Map.of("returnedOn", "2027-06-04")).post("/loans/LOST-2/found").then().statusCode(200);
        someone("agent", t).body(Map.of("returnedOn", "2027-06-04")).post("/loans/LOST-2/found").then().statusCode(200);
        someone("agent", t).get("/invoices/" + processing).then().body("state", equalTo("CANCELLED"));
        someone("agent", t).get("/invoices/" + replacement).then().body("state", equalTo("PAID")).body("refunded", equalTo(0));
        someone("agent", t).get("/accounts/patron-lost-2/summary").then()
                .body("currentCharges", equalTo(900)).body("credit", equalTo(0)); // 3 days x 3 CZK from the first due date
    }

    @Test
    void the_library_systems_loans_topic_checks_out_and_returns_and_a_report_missing_fields_is_skipped() {
        String t = "lib-slany";
        TestEvents.publish(EventType.LOAN_REPORTED, t, "K-2", new LoanReported(LoanReported.CHECKOUT, "K-2", null,
                null, null, null, null, null));
        TestEvents.publish(EventType.LOAN_REPORTED, t, "K-1", new LoanReported(LoanReported.CHECKOUT, "K-1",
                "patron-topic-1", "BC-K-1", "Válka s mloky", 30_000L, LocalDate.of(2027, 5, 3), null));
        TestEvents.publish(EventType.LOAN_REPORTED, t, "K-1", new LoanReported(LoanReported.RETURN, "K-1", null,
                null, null, null, null, LocalDate.of(2027, 5, 5)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> someone("agent", t).get("/loans?accountId=patron-topic-1")
                .then().body("[0].returnedOn", equalTo("2027-05-05")).body("[0].accrued", equalTo(600)));
        someone("agent", t).get("/accounts/patron-topic-1/summary").then().body("currentCharges", equalTo(600));
    }
}
