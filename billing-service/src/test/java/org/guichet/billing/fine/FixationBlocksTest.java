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

import static org.guichet.billing.Fixtures.someone;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The nightly fixation as one statement (R13) and the debt blocks it causes (R6): a Kladno child
 * (blocked from 100 CZK of debt) with an item due Monday 2027-03-01 has 150 CZK fixed on 2027-04-15.
 */
@QuarkusTest
class FixationBlocksTest extends MovedClockTest {
    @org.junit.jupiter.api.BeforeEach
    void businessDateIsPast() {
        clock.reach(java.time.LocalDate.of(2027, 4, 15), PRAGUE);
    }

    @Test
    void R13_R6_fixation_bills_numbers_and_announces_in_one_statement_and_blocks_a_debtor_once() {
        String t = "lib-kladno";
        someone("agent", t).body(Map.of("accountId", "child-fx", "name", "Kuba Fixní", "patronType", "child"))
                .post("/accounts").then().statusCode(200);
        someone("agent", t).body(Map.of("loanId", "FX-1", "accountId", "child-fx", "itemBarcode", "BC-FX-1",
                "title", "Ferda Mravenec", "dueDate", "2027-03-01")).post("/loans").then().statusCode(201);
        String loanId = someone("agent", t).get("/loans?accountId=child-fx").then().extract().path("[0].id");
        try (EventTap tap = new EventTap(Topics.INVOICES, Topics.ACCOUNTS, Topics.FINES)) {
            someone("admin", t).body(Map.of("businessDate", "2027-04-15")).post("/accruals").then().statusCode(200);
            ConsumerRecord<String, String> created = tap.await(r -> EventJson.read(r.value()).is(EventType.INVOICE_CREATED)
                    && EventJson.read(r.value()).payloadAs(InvoiceCreated.class).accountId().equals("child-fx"),
                    Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(created.value()), "InvoiceCreated built in SQL");
            ConsumerRecord<String, String> blocked = tap.await(r -> r.key().equals("child-fx")
                    && EventJson.read(r.value()).is(EventType.ACCOUNT_BLOCKED), Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(blocked.value()), "AccountBlocked built in SQL");
            // FineAccrued of the loan: the accrual's (written after it by FinePublisher) and the fixation's,
            // or one event when both saw the same state — never the same state twice
            List<FineAccrued> fines = tap.collect(r -> r.key().equals(loanId)
                    && EventJson.read(r.value()).is(EventType.FINE_ACCRUED), Duration.ofSeconds(6)).stream()
                    .map(r -> EventJson.read(r.value()).payloadAs(FineAccrued.class)).toList();
            assertEquals(15_000, fines.get(fines.size() - 1).fixed(), fines.toString());
            assertEquals(fines.size(), fines.stream().map(f -> f.accrued() + "/" + f.fixed()).distinct().count());

            someone("admin", t).body(Map.of("businessDate", "2027-04-15")).post("/accruals").then().statusCode(200)
                    .body("loansUpdated", equalTo(0)).body("billsFixed", equalTo(0));
            assertEquals(fines.size(), tap.collect(r -> r.key().equals(loanId)
                    && EventJson.read(r.value()).is(EventType.FINE_ACCRUED), Duration.ofSeconds(3)).size(),
                    "a re-run publishes nothing more");
        }
        someone("agent", t).get("/invoices?accountId=child-fx").then().body("$", hasSize(1))
                .body("[0].amount", equalTo(15_000)).body("[0].number", startsWith("LIB-KLADNO-2027-"))
                .body("[0].description", equalTo("Late fee fixed at 30 operating days: Ferda Mravenec"));
        someone("agent", t).get("/accounts/child-fx/blocks").then().body("reason", contains("DEBT_THRESHOLD"));
        someone("agent", t).get("/loans?accountId=child-fx").then().body("[0].fixed", equalTo(15_000));

        someone("agent", t).get("/invoices?accountId=child-fx").then().body("$", hasSize(1));
        someone("agent", t).get("/accounts/child-fx/history").then().body("findAll { it.action == 'BLOCKED' }", hasSize(1));
    }
}
