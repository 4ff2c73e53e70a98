package org.guichet.reporting;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.guichet.reporting.Callers.finance;
import static org.guichet.reporting.TransactionReadModelTest.TENANT;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** L1: a cell that starts with TAB, CR or spaces before a formula is neutralised in CSV exports, like = + - @. */
@QuarkusTest
class CsvFormulaGuardTest extends ReportingTestResource {

    static void settled(String reference, String citizen, String description) {
        Events.aPaymentSettled().reference(reference).regie("namur-population").of(700, "EUR").through("sandbox", "sbx_l1")
                .by(new Payer("citizen-l1", citizen, null, "fr"))
                .lines(new PaymentLine("PROCEDURE", UUID.randomUUID().toString(), TENANT, description, 700)).publish(TENANT);
    }

    @Test
    void L1_tab_cr_and_spaces_before_a_formula_are_quoted_in_the_csv() {
        String tag = "L1-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        settled(tag + "-TAB", "Tab Citizen", "\t=HYPERLINK(\"http://evil.example\")");
        settled(tag + "-CR", "\r=cmd|' /C calc'!A0", "Plain line");
        settled(tag + "-SPACE", "Space Citizen", "  @SUM(1+1)");
        settled(tag + "-OK", "Ok Citizen", "Extrait normal");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().queryParam("q", tag)
                .get("/transactions").then().body("$", hasSize(4)));
        finance().accept("text/csv").queryParam("q", tag).get("/transactions").then().statusCode(200)
                .body(containsString("'\t=HYPERLINK("))
                .body(containsString("'\r=cmd|"))
                .body(containsString("'  @SUM(1+1)"))
                .body(containsString(";Extrait normal = 7,00;"))
                .body(not(containsString(";\t=HYPERLINK(")))
                .body(not(containsString("\"\r=cmd")));
    }
}
