package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.AccountClosed;
import org.guichet.events.payload.AccountPseudonymised;
import org.guichet.events.payload.PaymentLine;
import org.guichet.events.payload.TransactionsPastRetention;
import org.guichet.platform.privacy.Pseudonym;
import org.guichet.testing.EventTap;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.guichet.billing.Fixtures.as;
import static org.guichet.billing.Fixtures.createInvoice;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Personal data: closing an account, the retention policy (pseudonymisation), the export on request. */
@QuarkusTest
class PersonalDataTest extends MovedClockTest {

    static void register(String tenant, String account, String name, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("accountId", account, "name", name, "city", "Kladno",
                "postalCode", "272 01", "phone", "+420 312 123 456", "language", "cs"));
        body.put("email", email);
        as("agent", "agent-7", tenant).body(body).post("/accounts").then().statusCode(200);
    }

    static JsonPath retention(LocalDate businessDate) {
        return as("admin", "admin-1").body(businessDate == null ? Map.of() : Map.of("businessDate", businessDate.toString()))
                .post("/admin/retention").then().statusCode(200).extract().jsonPath();
    }

    static void close(String account) {
        as("agent", "agent-7").body(Map.of("notes", "moving away")).post("/accounts/" + account + "/closure")
                .then().statusCode(200).body("closedAt", notNullValue());
    }

    @Test
    void closing_is_refused_while_a_bill_a_loan_or_credit_is_left_and_then_recorded_and_published() {
        register("lib-kladno", "close-1", "Karel Veselý", "karel@example.cz");
        String bill = createInvoice("close-1", 1500);
        as("agent", "agent-7").body("{}").post("/accounts/close-1/closure").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("account-not-settled"))
                .body("detail", containsString("open or pending bills: 1"));
        as("agent", "agent-7").body(Map.of("notes", "typo")).post("/invoices/" + bill + "/cancel").then().statusCode(200);

        as("agent", "agent-7").body(Map.of("loanId", "close-loan-1", "accountId", "close-1", "itemBarcode", "3123",
                "dueDate", LocalDate.now(PRAGUE).plusDays(14).toString())).post("/loans").then().statusCode(201);
        as("agent", "agent-7").body("{}").post("/accounts/close-1/closure").then().statusCode(409)
                .body("detail", containsString("loans not returned: 1"));
        as("agent", "agent-7").body(Map.of("returnedOn", LocalDate.now(PRAGUE).toString()))
                .post("/loans/close-loan-1/return").then().statusCode(200);

        CreditAndAllocationTest.settle("close-1", new PaymentLine(PaymentLine.DEPOSIT, "close-1", "lib-kladno", "d", 700));
        CreditAndAllocationTest.summary("close-1", 0, 700);
        as("agent", "agent-7").body("{}").post("/accounts/close-1/closure").then().statusCode(409)
                .body("detail", containsString("prepaid credit (minor units): 700"));

        try (EventTap tap = new EventTap(Topics.ACCOUNTS)) {
            // the credit is spent on a last bill; then nothing is left
            String fee = createInvoice("close-1", 700);
            as("agent", "agent-7").body(Map.of("invoiceIds", List.of(fee))).post("/accounts/close-1/pay-from-credit")
                    .then().statusCode(200);
            close("close-1");
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals("close-1")
                    && EventJson.read(x.value()).is(EventType.ACCOUNT_CLOSED), Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(r.value()));
            assertEquals("agent-7", EventJson.read(r.value()).payloadAs(AccountClosed.class).operator());
        }
        as("agent", "a").get("/accounts/close-1/history").then().body("action", hasItem("CLOSED"));
        as("agent", "agent-7").body("{}").post("/accounts/close-1/closure").then().statusCode(409)
                .body("type", containsString("already-closed"));
        // a closed account takes no new bill, loan or registration
        as("agent", "agent-7").body(Fixtures.invoice("close-1", 100)).post("/invoices").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("account-closed"));
        as("agent", "agent-7").body(Map.of("accountId", "close-1", "name", "Karel Veselý")).post("/accounts")
                .then().statusCode(409).body("type", containsString("account-closed"));
        as("agent", "agent-7").body("{}").post("/accounts/nobody-here/closure").then().statusCode(404);
        as("citizen", "close-1").body("{}").post("/accounts/close-1/closure").then().statusCode(403);
    }

    @Test
    void a_closed_account_is_pseudonymised_once_its_period_has_passed_and_not_before_its_balances_unchanged() {
        register("lib-kladno", "gone-1", "Božena Němcová", "bozena@example.cz");
        String waived = createInvoice("gone-1", 2500);
        as("supervisor", "sup-1").body(Map.of("notes", "patron was in hospital")).post("/invoices/" + waived + "/waive")
                .then().statusCode(200);
        String paid = createInvoice("gone-1", 1200);
        CreditAndAllocationTest.settle("gone-1", new PaymentLine(PaymentLine.INVOICE, paid, "lib-kladno", "fee", 1200));
        CreditAndAllocationTest.summary("gone-1", 0, 0);
        close("gone-1");

        String summaryBefore = as("agent", "a").get("/accounts/gone-1/summary").then().extract().asString();
        List<Map<String, Object>> historyBefore = as("agent", "a").get("/accounts/gone-1/history").then().extract()
                .jsonPath().getList("$");
        String invoicesBefore = as("agent", "a").get("/invoices?accountId=gone-1").then().extract().asString();

        // a year after the closure day: not yet
        LocalDate closedOn = LocalDate.now(PRAGUE);
        clock.reach(closedOn.plus(Period.ofYears(1)), PRAGUE); // business dates are never after today (M8)
        retention(closedOn.plus(Period.ofYears(1)));
        as("agent", "a").get("/accounts?number=gone-1").then().body("[0].name", equalTo("Božena Němcová"))
                .body("[0].pseudonymisedAt", nullValue());
        as("agent", "a").get("/accounts?name=*nemcova*").then().body("accountId", hasItem("gone-1"));

        String pseudonym = Pseudonym.of("lib-kladno", "gone-1");
        try (EventTap tap = new EventTap(Topics.ACCOUNTS)) {
            // the night after: the nightly job's path, with the clock moved a year and two days on
            clock.reset();
            clock.moveForward(Duration.ofDays(368));
            JsonPath run = retention(null);
            assertTrue(run.getInt("accountsPseudonymised") >= 1, run.prettify());
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals("gone-1")
                    && EventJson.read(x.value()).is(EventType.ACCOUNT_PSEUDONYMISED), Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(r.value()));
            assertEquals(pseudonym, EventJson.read(r.value()).payloadAs(AccountPseudonymised.class).pseudonym());

            // again, and by another date: nothing more, no second event
            retention(null);
            retention(closedOn.plusDays(367));
            assertEquals(1, tap.collect(x -> x.key().equals("gone-1")
                    && EventJson.read(x.value()).is(EventType.ACCOUNT_PSEUDONYMISED), Duration.ofSeconds(3)).size());
        }

        as("agent", "a").get("/accounts?number=gone-1").then()
                .body("[0].name", equalTo(pseudonym)).body("[0].email", equalTo(Pseudonym.email(pseudonym)))
                .body("[0].city", nullValue()).body("[0].postalCode", nullValue()).body("[0].phone", nullValue())
                .body("[0].language", equalTo("cs")).body("[0].pseudonymisedAt", notNullValue());
        as("agent", "a").get("/accounts?name=*nemcova*").then().body("$", empty());
        as("agent", "a").get("/accounts?phone=312123456").then().body("accountId", org.hamcrest.Matchers.not(hasItem("gone-1")));

        // balances and history exact: the same lines, amounts, modes and dates; only the notes are gone
        assertEquals(summaryBefore, as("agent", "a").get("/accounts/gone-1/summary").then().extract().asString());
        assertEquals(invoicesBefore, as("agent", "a").get("/invoices?accountId=gone-1").then().extract().asString());
        List<Map<String, Object>> historyAfter = as("agent", "a").get("/accounts/gone-1/history").then().extract()
                .jsonPath().getList("$");
        assertEquals(historyBefore.size() + 1, historyAfter.size(), "one PSEUDONYMISED line more");
        assertTrue(historyBefore.stream().anyMatch(l -> "patron was in hospital".equals(l.get("notes"))));
        assertTrue(historyAfter.stream().allMatch(l -> l.get("notes") == null));
        assertEquals(withoutNotes(historyBefore), withoutNotes(historyAfter.stream()
                .filter(l -> !"PSEUDONYMISED".equals(l.get("action"))).toList()));
        String export = as("admin", "admin-1").get("/privacy/subjects/gone-1").then().statusCode(200).extract().asString();
        assertFalse(export.contains("Němcová") || export.contains("bozena@") || export.contains("hospital"), export);
    }

    private static List<Map<String, Object>> withoutNotes(List<Map<String, Object>> lines) {
        return lines.stream().map(l -> {
            Map<String, Object> m = new HashMap<>(l);
            m.remove("notes");
            return m;
        }).toList();
    }

    @Test
    void notes_on_transactions_older_than_the_period_go_for_open_accounts_and_the_cut_off_is_published_once() {
        register("lib-kladno", "old-1", "Alois Jirásek", "alois@example.cz");
        String bill = createInvoice("old-1", 900);
        as("agent", "agent-7").body(Map.of("text", "called about the damaged cover")).post("/invoices/" + bill + "/notes")
                .then().statusCode(200);
        LocalDate today = LocalDate.now(PRAGUE);
        clock.reach(today.plusYears(10).plusDays(1), PRAGUE); // business dates are never after today (M8)

        retention(today.plusYears(10));
        as("agent", "a").get("/accounts/old-1/history").then().body("notes", hasItem("called about the damaged cover"));

        try (EventTap tap = new EventTap(Topics.ACCOUNTS)) {
            LocalDate later = today.plusYears(10).plusDays(1);
            JsonPath run = retention(later);
            assertTrue(run.getBoolean("cutOffPublished"));
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals("lib-kladno")
                    && EventJson.read(x.value()).is(EventType.TRANSACTIONS_PAST_RETENTION)
                    && EventJson.read(x.value()).payloadAs(TransactionsPastRetention.class).businessDate().equals(later),
                    Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(r.value()));
            TransactionsPastRetention cut = EventJson.read(r.value()).payloadAs(TransactionsPastRetention.class);
            assertEquals("P10Y", cut.retention());
            assertEquals(today.plusDays(1).atStartOfDay(PRAGUE).toInstant(), cut.before());
            assertFalse(retention(later).getBoolean("cutOffPublished"), "once per date");
        }
        // the open account keeps its holder; the bill keeps its amount; the note is gone
        as("agent", "a").get("/accounts?number=old-1").then().body("[0].name", equalTo("Alois Jirásek"));
        as("agent", "a").get("/invoices/" + bill).then().body("amount", equalTo(900)).body("state", equalTo("OPEN"));
        as("agent", "a").get("/accounts/old-1/history").then().body("notes", org.hamcrest.Matchers.everyItem(nullValue()));
    }

    @Test
    void the_export_holds_the_persons_data_and_nothing_of_anyone_else() {
        register("lib-kladno", "exp-1", "Jana Dvořáková", "jana@example.cz");
        register("lib-kladno", "exp-2", "Petr Svoboda", "petr@example.cz");
        register("lib-slany", "exp-1", "Marie Slánská", "marie@example.cz");
        String mine = createInvoice("exp-1", 4200);
        String theirs = createInvoice("exp-2", 3300);
        String slany = as("agent", "agent-s", "lib-slany").body(Fixtures.invoice("exp-1", 1100))
                .post("/invoices").then().statusCode(201).extract().path("id");

        JsonPath export = as("admin", "admin-1").get("/privacy/subjects/exp-1").then().statusCode(200)
                .contentType("application/json").body("service", equalTo("billing-service"))
                .body("tenant", equalTo("lib-kladno")).body("subject", equalTo("exp-1"))
                .body("records.account[0].name", equalTo("Jana Dvořáková"))
                .body("records.account[0].email", equalTo("jana@example.cz"))
                .body("records.invoices.id", equalTo(List.of(mine)))
                .body("records.invoiceHistory.invoice_id", org.hamcrest.Matchers.everyItem(equalTo(mine)))
                .extract().jsonPath();
        String body = export.prettify();
        assertFalse(body.contains("Svoboda") || body.contains(theirs) || body.contains("Slánská") || body.contains(slany),
                body);

        // the citizen asks for their own: the same records, the subject from the token
        as("citizen", "exp-1").get("/privacy/me").then()
                .statusCode(200).body("records.account[0].name", equalTo("Jana Dvořáková"))
                .body("records.invoices.id", equalTo(List.of(mine)));
        // Slaný's exp-1 is another person
        as("admin", "admin-s", "lib-slany").get("/privacy/subjects/exp-1").then().statusCode(200)
                .body("records.account[0].name", equalTo("Marie Slánská")).body("records.invoices.id", equalTo(List.of(slany)));
        // somebody unknown: nothing held
        Map<String, List<?>> nothing = as("admin", "admin-1").get("/privacy/subjects/nobody-at-all").then()
                .statusCode(200).extract().jsonPath().getMap("records");
        assertTrue(nothing.containsKey("account") && nothing.values().stream().allMatch(List::isEmpty), nothing.toString());
        // only the institution's admin, or the person; nobody else
        as("agent", "agent-7").get("/privacy/subjects/exp-1").then().statusCode(403)
                .contentType("application/problem+json");
        as("finance", "fin-1").get("/privacy/subjects/exp-1").then().statusCode(403);
        as("citizen", "exp-1").get("/privacy/subjects/exp-1")
                .then().statusCode(403);
        given().get("/privacy/subjects/exp-1").then().statusCode(401);
        as("admin", "admin-1").get("/privacy/me").then().statusCode(403);
        assertNotEquals(Pseudonym.of("lib-kladno", "exp-1"), Pseudonym.of("lib-slany", "exp-1"));
    }
}
