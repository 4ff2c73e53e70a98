package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.guichet.billing.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** M8: retention and accrual never run for a business date after the institution's today. */
@QuarkusTest
class BusinessDateTest extends MovedClockTest {
    static final String TENANT = "lib-kladno";

    static long rows(String sql, Object... params) {
        return TestRows.of("billing").scalar(sql, params);
    }

    @Test
    void M8_a_retention_after_the_institutions_today_is_refused_and_erases_nothing() {
        LocalDate tomorrow = LocalDate.now(clock.withZone(PRAGUE)).plusDays(1);
        for (LocalDate date : new LocalDate[] {tomorrow, LocalDate.of(2999, 12, 31)}) {
            as("admin", "admin-m8", TENANT).body(Map.of("businessDate", date.toString())).post("/admin/retention")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("businessDate"));
            assertEquals(0, rows("select count(*) from retention_run where tenant = ? and business_date = ?",
                    TENANT, date), "no run for " + date);
        }
        // the same date once it is today in Kladno
        clock.reach(tomorrow, PRAGUE);
        as("admin", "admin-m8", TENANT).body(Map.of("businessDate", tomorrow.toString())).post("/admin/retention")
                .then().statusCode(200).body("businessDate", equalTo(tomorrow.toString()));
    }

    @Test
    void M8_an_accrual_after_the_institutions_today_is_refused_and_bills_nothing() {
        // Slaný, and a loan due next month: the other tests' accruals (Kladno) and fine events stay as they were
        String slany = "lib-slany";
        String account = "patron-m8";
        LocalDate today = LocalDate.now(clock.withZone(PRAGUE));
        as("agent", "agent-m8", slany).body(Map.of("loanId", "L-M8", "accountId", account, "itemBarcode", "M8-1",
                "title", "Bílá nemoc", "dueDate", today.plusDays(30).toString())).post("/loans").then().statusCode(201);
        LocalDate later = today.plusYears(1); // ten months overdue by then: fines fixed into bills, had it run
        as("admin", "admin-m8", slany).body(Map.of("businessDate", later.toString())).post("/accruals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("businessDate"));
        assertEquals(0, rows("select count(*) from invoice where tenant = ? and account_id = ?", slany, account),
                "no fine billed");
        assertEquals(0, rows("select count(*) from calendar_day where tenant = ? and day > ?", slany, today),
                "no calendar beyond today");
        as("agent", "agent-m8", slany).get("/accounts/" + account + "/summary").then().statusCode(200)
                .body("currentCharges", equalTo(0)).body("accruedNotPayable", equalTo(0));
    }
}
