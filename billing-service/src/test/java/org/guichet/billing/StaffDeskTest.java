package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.guichet.billing.institution.InstitutionsConfig;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.guichet.billing.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the staff desk (issue 21) reads from billing: bills with their item and due date, the overdue amount
 * beside the total due, the loans not yet returned with their running fees, and the counter's payment modes.
 */
@QuarkusTest
class StaffDeskTest extends MovedClockTest {
    static final String TENANT = "lib-kladno";

    @Inject
    InstitutionsConfig institutions;

    static Map<String, Object> bill(String account, long amount, Map<String, Object> item) {
        Map<String, Object> body = new HashMap<>(Map.of("accountId", account, "amount", amount, "currency", "CZK",
                "reason", "DAMAGE"));
        if (item != null) {
            body.put("item", item);
        }
        return body;
    }

    @Test
    void a_bill_carries_its_item_as_a_circulation_desk_shows_it_and_falls_due_after_the_payment_term() {
        JsonPath created = as("agent", "agent-desk").body(bill("desk-bills-1", 2500, Map.of("barcode", "31234000777",
                        "title", "Krakatit", "callNumber", "821.162.3 ČAP", "branch", "Kladno – Kročehlavy")))
                .post("/invoices").then().statusCode(201)
                .body("itemBarcode", equalTo("31234000777")).body("itemTitle", equalTo("Krakatit"))
                .body("callNumber", equalTo("821.162.3 ČAP")).body("itemBranch", equalTo("Kladno – Kročehlavy"))
                .extract().jsonPath();
        LocalDate issuedOn = LocalDate.parse(created.getString("issuedOn"));
        assertEquals(issuedOn.plusDays(30).toString(), created.getString("dueDate"), "Kladno's default term: 30 days");
        as("agent", "agent-desk").get("/invoices/" + created.getString("id")).then().statusCode(200)
                .body("callNumber", equalTo("821.162.3 ČAP")).body("dueDate", equalTo(issuedOn.plusDays(30).toString()));

        // a client that knows nothing of call numbers and branches still makes bills
        as("agent", "agent-desk").body(Fixtures.invoice("desk-bills-1", 300)).post("/invoices").then().statusCode(201)
                .body("itemBarcode", equalTo("31234000123")).body("callNumber", nullValue())
                .body("itemBranch", nullValue());
        as("agent", "agent-desk").body(bill("desk-bills-1", 100, null)).post("/invoices").then().statusCode(201)
                .body("itemBarcode", nullValue()).body("dueDate", equalTo(issuedOn.plusDays(30).toString()));
    }

    @Test
    void the_overdue_amount_is_what_is_left_of_the_bills_whose_due_date_has_passed() {
        String account = "desk-overdue-1";
        String older = as("agent", "agent-desk").body(bill(account, 1000, null)).post("/invoices").then()
                .statusCode(201).extract().path("id");
        LocalDate issuedOn = LocalDate.parse(as("agent", "agent-desk").get("/invoices/" + older).then()
                .extract().path("issuedOn"));
        summary(account, 1000, 0);

        clock.reach(issuedOn.plusDays(30), PRAGUE); // the due date itself: not overdue yet
        summary(account, 1000, 0);
        clock.reach(issuedOn.plusDays(31), PRAGUE);
        summary(account, 1000, 1000);

        as("agent", "agent-desk").body(bill(account, 700, null)).post("/invoices").then().statusCode(201); // due in 30 days
        as("agent", "agent-desk").body(Map.of("amount", 400, "notes", "goodwill")).post("/invoices/" + older + "/waive")
                .then().statusCode(200);
        summary(account, 1300, 600);
        // the counter reads the same figure (principal and proxies) from the payability
        as("agent", "agent-desk").get("/accounts/" + account + "/payability").then().statusCode(200)
                .body("balance", equalTo(1300)).body("overdue", equalTo(600));
        as("citizen", account).get("/accounts/me/summary").then().statusCode(200).body("overdue", equalTo(600));
    }

    static void summary(String account, int totalDue, int overdue) {
        as("agent", "agent-desk").get("/accounts/" + account + "/summary").then().statusCode(200)
                .body("currentCharges", equalTo(totalDue)).body("overdue", equalTo(overdue));
    }

    @Test
    void the_loans_not_yet_returned_show_their_item_due_date_overdue_days_and_the_fee_not_yet_billed() {
        String account = "desk-loans-1";
        InstitutionsConfig.Institution kladno = institutions.of(TENANT);
        LocalDate today = LocalDate.now(clock.withZone(PRAGUE));
        LocalDate due = today.minusDays(20);
        int days = kladno.calendar().operatingDaysAfter(due, today); // 17 or so: between the 10 and 30 day fixations
        checkout("DESK-1", account, "31234000501", due, Map.of("callNumber", "82-31 HRA", "branch", "Ústřední knihovna"));
        checkout("DESK-2", account, "31234000502", today.plusDays(14), Map.of());
        checkout("DESK-3", account, "31234000503", today.plusDays(7), Map.of());
        as("agent", "agent-desk").body(Map.of("returnedOn", today.toString())).post("/loans/DESK-3/return")
                .then().statusCode(200);
        try {
            // no accrual has run: the running fee is what a return today would bill, 5 CZK per operating day
            JsonPath loans = as("agent", "agent-desk").get("/accounts/" + account + "/loans").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(List.of("DESK-1", "DESK-2"), loans.getList("loanId"), "returned loans are not listed");
            assertEquals("OVERDUE", loans.getString("[0].status"));
            assertEquals("82-31 HRA", loans.getString("[0].callNumber"));
            assertEquals("Ústřední knihovna", loans.getString("[0].branch"));
            assertEquals(due.toString(), loans.getString("[0].dueDate"));
            assertEquals(days, loans.getInt("[0].overdueDays"));
            assertEquals(500L * days, loans.getLong("[0].runningFee"));
            assertEquals("ON_LOAN", loans.getString("[1].status"));
            assertEquals(0, loans.getInt("[1].overdueDays"));
            assertEquals(0, loans.getLong("[1].runningFee"));
            assertTrue(days >= 10 && days < 30, "the test needs one fixation: " + days);

            // the night fixes the fee at 10 operating days into a bill, which carries the loan's item
            as("admin", "admin-desk").body(Map.of("businessDate", today.toString())).post("/accruals")
                    .then().statusCode(200);
            as("agent", "agent-desk").get("/invoices?accountId=" + account).then().statusCode(200)
                    .body("amount", equalTo(List.of(5000))).body("[0].itemBarcode", equalTo("31234000501"))
                    .body("[0].callNumber", equalTo("82-31 HRA")).body("[0].itemBranch", equalTo("Ústřední knihovna"));
            long notYetBilled = 500L * days - 5000;
            as("agent", "agent-desk").get("/accounts/" + account + "/loans").then().statusCode(200)
                    .body("[0].runningFee", equalTo((int) notYetBilled)).body("[0].overdueDays", equalTo(days));
            as("agent", "agent-desk").get("/accounts/" + account + "/summary").then().statusCode(200)
                    .body("currentCharges", equalTo(5000)).body("accruedNotPayable", equalTo((int) notYetBilled));

            // the patron sees their own loans; a patron is no desk agent
            as("citizen", account).get("/accounts/me/loans").then().statusCode(200)
                    .body("loanId", equalTo(List.of("DESK-1", "DESK-2")))
                    .body("[0].runningFee", equalTo((int) notYetBilled));
            as("citizen", account).get("/accounts/" + account + "/loans").then().statusCode(403);

            // a lost item stays listed (not returned), its fee settled by the declaration
            as("agent", "agent-desk").body(Map.of("on", today.toString())).post("/loans/DESK-2/lost").then().statusCode(200);
            as("agent", "agent-desk").get("/accounts/" + account + "/loans").then().statusCode(200)
                    .body("[1].loanId", equalTo("DESK-2")).body("[1].status", equalTo("LOST"))
                    .body("[1].runningFee", equalTo(0)).body("[1].lostOn", equalTo(today.toString()));
        } finally {
            // open Kladno loans would change the other tests' accrual counts
            as("agent", "agent-desk").body(Map.of("returnedOn", today.toString())).post("/loans/DESK-1/return");
        }
    }

    static void checkout(String loanId, String account, String barcode, LocalDate due, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("loanId", loanId, "accountId", account, "itemBarcode", barcode,
                "title", "Hra o Kladno " + loanId, "replacementCost", 30_000, "dueDate", due.toString()));
        body.putAll(more);
        as("agent", "agent-desk").body(body).post("/loans").then().statusCode(201)
                .body("callNumber", equalTo(more.get("callNumber")));
    }

    @Test
    void the_counter_payment_modes_are_the_institutions_with_the_fields_each_needs() {
        JsonPath payability = as("agent", "agent-desk").get("/accounts/desk-modes-1/payability").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("CASH", "CHEQUE", "CARD_TERMINAL", "BANK_TRANSFER"), payability.getList("paymentModes"));
        assertEquals(List.of("CASH", "CHEQUE", "REFERENCE", "REFERENCE"), payability.getList("modes.kind"));
        assertEquals("Bankovní převod", payability.getString("modes[3].label"));
        assertEquals(List.of(false, false, true, true), payability.getList("modes.referenceRequired"));
        // Namur's modes are its own
        as("agent", "agent-n", "ville-namur").get("/accounts/desk-modes-2/payability").then().statusCode(200)
                .body("modes.find { it.code == 'BANK_TRANSFER' }.label", equalTo("Virement bancaire"));
    }
}
