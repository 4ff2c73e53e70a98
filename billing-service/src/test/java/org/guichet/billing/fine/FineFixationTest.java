package org.guichet.billing.fine;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.billing.MovedClockTest;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.FineAccrued;
import org.guichet.events.payload.InvoiceCreated;
import org.guichet.testing.EventTap;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.guichet.billing.Fixtures.as;
import static org.guichet.billing.Fixtures.someone;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * R2 and R13 over REST, the real database and Kafka: a Kladno loan due Monday 2026-11-02 (closed
 * on Sundays) reaches 10 operating days on Friday 11-13 and 30 on Monday 12-07.
 */
@QuarkusTest
class FineFixationTest extends MovedClockTest {
    static final String TENANT = "lib-kladno";

    @org.junit.jupiter.api.BeforeEach
    void lastBusinessDateIsPast() {
        clock.reach(java.time.LocalDate.of(2026, 12, 20), PRAGUE); // the latest accrual below
    }

    static void accrue(String date, int updated, int fixed) {
        someone("admin", TENANT).body(Map.of("businessDate", date)).post("/accruals").then().statusCode(200)
                .body("loansUpdated", equalTo(updated)).body("billsFixed", equalTo(fixed));
    }

    static void summary(String account, int charges, int accruing) {
        someone("agent", TENANT).get("/accounts/" + account + "/summary").then().statusCode(200)
                .body("currentCharges", equalTo(charges)).body("accruedNotPayable", equalTo(accruing))
                .body("total", equalTo(charges + accruing)).body("currency", equalTo("CZK"));
    }

    @Test
    void R13_the_running_fee_is_fixed_into_bills_at_10_and_30_operating_days_and_settled_on_return() {
        String account = "patron-fines-1";
        someone("agent", TENANT).body(Map.of("loanId", "L-1001", "accountId", account, "itemBarcode", "31234000999",
                        "title", "Saturnin", "replacementCost", 39_900, "dueDate", "2026-11-02"))
                .post("/loans").then().statusCode(201);

        try (EventTap tap = new EventTap(Topics.FINES, Topics.INVOICES)) {
            accrue("2026-11-12", 1, 0);                       // 9 operating days: 45 CZK accruing, nothing payable
            summary(account, 0, 4500);
            accrue("2026-11-13", 1, 1);                       // 10: 50 CZK fixed into a bill
            accrue("2026-11-13", 0, 0);                       // the same night again: nothing changes
            summary(account, 5000, 0);
            accrue("2026-11-14", 1, 0);                       // 11: accrual goes on after fixation
            summary(account, 5000, 500);

            ConsumerRecord<String, String> bill = tap.await(r -> EventJson.read(r.value()).is(EventType.INVOICE_CREATED)
                    && EventJson.read(r.value()).payloadAs(InvoiceCreated.class).accountId().equals(account),
                    Duration.ofSeconds(20));
            InvoiceCreated created = EventJson.read(bill.value()).payloadAs(InvoiceCreated.class);
            assertEquals(5000, created.amount());
            assertEquals("LATE_FEE", created.reason());
            // this account's: another test's accrual may still be publishing (FinePublisher writes after the run)
            ConsumerRecord<String, String> fine = tap.await(r -> EventJson.read(r.value()).is(EventType.FINE_ACCRUED)
                    && EventJson.read(r.value()).payloadAs(FineAccrued.class).accountId().equals(account),
                    Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(fine.value()), "FineAccrued built in SQL honours its contract");
            assertEquals(account, EventJson.read(fine.value()).payloadAs(FineAccrued.class).accountId());
        }

        accrue("2026-12-07", 1, 1);                           // 30 operating days: 150 CZK fixed in all
        summary(account, 15_000, 0);
        someone("agent", TENANT).get("/invoices?accountId=" + account).then().body("amount", equalTo(List.of(5000, 10_000)));

        someone("agent", TENANT).body(Map.of("returnedOn", "2026-12-08")).post("/loans/L-1001/return").then().statusCode(200)
                .body("overdueOperatingDays", equalTo(31)).body("accrued", equalTo(15_500))
                .body("fixed", equalTo(15_500));
        summary(account, 15_500, 0);
        accrue("2026-12-20", 0, 0);                           // a returned item accrues nothing more
        someone("citizen", TENANT).get("/loans").then().body("$", hasSize(0));
        as("citizen", account, TENANT).get("/loans").then()
                .body("[0].returnedOn", equalTo("2026-12-08"));
        as("citizen", account, TENANT).get("/accounts/me/summary").then()
                .body("currentCharges", equalTo(15_500));
    }

    @Test
    void only_an_admin_runs_the_accrual_and_loans_are_reported_once() {
        someone("agent", TENANT).body(Map.of("businessDate", "2026-11-13")).post("/accruals").then().statusCode(403);
        someone("admin", TENANT).body(Map.of("businessDate", "not-a-date")).post("/accruals").then().statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> loan = Map.of("loanId", "L-2001", "accountId", "patron-fines-2", "itemBarcode", "3",
                "dueDate", "2027-06-01");
        someone("agent", TENANT).body(loan).post("/loans").then().statusCode(201);
        someone("agent", TENANT).body(loan).post("/loans").then().statusCode(409);
        someone("agent", TENANT).body(Map.of("loanId", "L-2002", "accountId", "p", "itemBarcode", "3", "replacementCost", -1,
                "dueDate", "2026-11-02")).post("/loans").then().statusCode(400);
        someone("agent", TENANT).body(Map.of("returnedOn", "2026-11-03")).post("/loans/nope/return").then().statusCode(404);
    }
}
