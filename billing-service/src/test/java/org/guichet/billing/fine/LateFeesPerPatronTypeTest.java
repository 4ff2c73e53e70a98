package org.guichet.billing.fine;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.billing.BillingTestResource;
import org.guichet.testing.PrometheusText;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.guichet.billing.Fixtures.someone;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fine policies per patron type (lib-slany: adults 3 CZK a day; children 1 CZK a day after 2 days'
 * grace; staff 10 CZK per started week), kept by the loan from its checkout. Slaný has no closed days.
 */
@QuarkusTest
class LateFeesPerPatronTypeTest extends BillingTestResource {
    static final String T = "lib-slany";

    static void lend(String account, String type, String loan) {
        someone("agent", T).body(Map.of("accountId", account, "name", "Patron " + account, "patronType", type))
                .post("/accounts").then().statusCode(200);
        someone("agent", T).body(Map.of("loanId", loan, "accountId", account, "itemBarcode", "BC-" + loan,
                "dueDate", "2026-10-01")).post("/loans").then().statusCode(201);
    }

    static double accrualRuns() {
        return PrometheusText.value(given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "guichet_accrual_duration_seconds_count", Map.of("institution", T));
    }

    static void accrued(String account, int amount) {
        someone("agent", T).get("/loans?accountId=" + account).then().body("[0].accrued", equalTo(amount));
    }

    @Test
    void each_patron_type_accrues_at_its_own_rate_interval_and_grace_and_keeps_it_when_its_type_changes() {
        lend("slany-adult", "adult", "PT-1");
        lend("slany-child", "child", "PT-2");
        lend("slany-staff", "staff", "PT-3");
        double runsBefore = accrualRuns();
        someone("admin", T).body(Map.of("businessDate", "2026-10-11")).post("/accruals").then().statusCode(200);
        assertEquals(runsBefore + 1, accrualRuns(), "guichet_accrual_duration_seconds_count{institution=lib-slany}");
        accrued("slany-adult", 3000);   // 10 days x 3 CZK
        accrued("slany-child", 800);    // (10 - 2) days x 1 CZK
        accrued("slany-staff", 2000);   // 2 started weeks x 10 CZK

        // the child becomes an adult: the loan keeps the rate it was lent under
        someone("agent", T).body(Map.of("accountId", "slany-child", "name", "Patron slany-child", "patronType", "adult"))
                .post("/accounts").then().statusCode(200);
        someone("agent", T).body(Map.of("returnedOn", "2026-10-16")).post("/loans/PT-2/return").then().statusCode(200)
                .body("accrued", equalTo(1300));
        someone("agent", T).body(Map.of("returnedOn", "2026-10-16")).post("/loans/PT-3/return").then().statusCode(200)
                .body("accrued", equalTo(3000));
        someone("agent", T).get("/accounts/slany-staff/summary").then().body("currentCharges", equalTo(3000));
    }

    @Test
    void an_hourly_loan_is_charged_per_started_operating_hour_after_its_grace() {
        someone("agent", T).body(Map.of("accountId", "slany-pass", "name", "Host", "patronType", "day-pass"))
                .post("/accounts").then().statusCode(200);
        someone("agent", T).body(Map.of("loanId", "HR-1", "accountId", "slany-pass", "itemBarcode", "BC-HR-1",
                "dueDate", "2026-10-05", "dueAt", "2026-10-05T14:00:00+02:00")).post("/loans").then().statusCode(201);
        someone("agent", T).body(Map.of("loanId", "HR-2", "accountId", "slany-pass", "itemBarcode", "BC-HR-2",
                "dueDate", "2026-10-05", "dueAt", "2026-10-05T20:00:00+02:00")).post("/loans").then().statusCode(201);

        // 3 h 30 late: 4 started hours, 1 of grace, 3 x 20 CZK
        someone("agent", T).body(Map.of("returnedOn", "2026-10-05", "returnedAt", "2026-10-05T17:30:00+02:00"))
                .post("/loans/HR-1/return").then().statusCode(200).body("accrued", equalTo(6000));
        someone("agent", T).body(Map.of("returnedOn", "2026-10-06", "returnedAt", "2026-10-05T17:30:00+02:00"))
                .post("/loans/HR-2/return").then().statusCode(400);

        // the night of 10-07: 4 h left of the due day + 2 whole days = 52 h, 1 of grace: 51 x 20 CZK
        someone("admin", T).body(Map.of("businessDate", "2026-10-07")).post("/accruals").then().statusCode(200);
        someone("agent", T).get("/loans?accountId=slany-pass").then()
                .body("find { it.loanId == 'HR-2' }.accrued", equalTo(102_000));
        someone("agent", T).get("/accounts/slany-pass/summary").then().body("currentCharges", equalTo(6000))
                .body("accruedNotPayable", equalTo(102_000));
    }
}
