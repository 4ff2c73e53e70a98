package org.guichet.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.guichet.events.payload.PaymentLine;
import org.guichet.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.guichet.reporting.BankReconciliationTest.entry;
import static org.guichet.reporting.BankReconciliationTest.statement;
import static org.guichet.reporting.Callers.finance;
import static org.guichet.reporting.TransactionReadModelTest.TENANT;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * A gateway's payout of many payments (a Mollie settlement, less its fees): the report matches its payments
 * to transactions by Mollie's id, the bank's one credit matches the payout by its reference and amount —
 * whichever of the two is imported first — and then none of its payments is "not seen on the bank".
 */
@QuarkusTest
class SettlementReportTest extends ReportingTestResource {

    static String report(String settlementId, String reference, String value, String... payments) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < payments.length; i += 2) {
            list.append(i == 0 ? "" : ",").append("{\"resource\":\"payment\",\"id\":\"").append(payments[i])
                    .append("\",\"mode\":\"live\",\"status\":\"paid\",\"amount\":{\"currency\":\"EUR\",\"value\":\"")
                    .append(payments[i + 1]).append("\"}}");
        }
        return "{\"settlement\":{\"resource\":\"settlement\",\"id\":\"" + settlementId + "\",\"reference\":\"" + reference
                + "\",\"createdAt\":\"2026-11-20T06:00:00Z\",\"settledAt\":\"2026-11-21T06:00:00Z\",\"status\":\"paidout\","
                + "\"amount\":{\"currency\":\"EUR\",\"value\":\"" + value + "\"}},\"payments\":{\"count\":"
                + payments.length / 2 + ",\"_embedded\":{\"payments\":[" + list + "]}}}";
    }

    static String settle(String mollieId, long amount) {
        String paymentId = UUID.randomUUID().toString();
        Events.aPaymentSettled().id(paymentId).reference("NAMUR-EC-" + mollieId).regie("namur-etat-civil")
                .of(amount, "EUR").through("mollie", mollieId).by(TransactionReadModelTest.PAYER)
                .lines(new PaymentLine("PROCEDURE", "r-" + mollieId, TENANT, "Acte", amount)).publish(TENANT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().get("/transactions/" + paymentId).then()
                .statusCode(200));
        return paymentId;
    }

    @Test
    void a_payout_of_many_payments_is_matched_to_them_and_to_the_bank_credit_either_way_round() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        settle("tr_a" + tag, 1200);
        settle("tr_b" + tag, 700);
        String reference = "1182161." + tag.substring(0, 4) + ".01";
        // 12.00 + 7.00 less 0.58 of fees, and one payment Guichet does not know
        String json = report("stl_" + tag, reference, "18.42", "tr_a" + tag, "12.00", "tr_b" + tag, "7.00",
                "tr_z" + tag, "3.00");

        finance().contentType(ContentType.JSON).body(json).post("/settlement-reports/mollie").then().statusCode(201)
                .body("payments", equalTo(3)).body("matchedPayments", equalTo(2)).body("onBank", equalTo(false));
        finance().contentType(ContentType.JSON).body(json).post("/settlement-reports/mollie").then().statusCode(409)
                .contentType("application/problem+json");
        finance().get("/reconciliation?days=0").then().statusCode(200)
                .body("unseenPayments.reference", hasItems("NAMUR-EC-tr_a" + tag, "NAMUR-EC-tr_b" + tag))
                .body("payouts.find { it.settlementId == 'stl_" + tag + "' }.onBank", equalTo(false));

        // the bank's credit of the payout arrives afterwards, in one entry
        finance().contentType(ContentType.XML).body(statement("S-" + tag, entry("18.42", "CRDT",
                        "<Ustrd>MOLLIE PAYOUT " + reference + "</Ustrd>", null)))
                .post("/bank-statements").then().statusCode(201).body("matched", equalTo(1));
        finance().get("/reconciliation?days=0").then().statusCode(200)
                .body("unseenPayments.reference", not(hasItem("NAMUR-EC-tr_a" + tag)))
                .body("unseenPayments.reference", not(hasItem("NAMUR-EC-tr_b" + tag)))
                .body("unmatchedCredits.remittance", not(hasItem("MOLLIE PAYOUT " + reference)))
                .body("payouts.find { it.settlementId == 'stl_" + tag + "' }.onBank", equalTo(true))
                .body("payouts.find { it.settlementId == 'stl_" + tag + "' }.matchedPayments", equalTo(2));
    }

    @Test
    void a_bank_credit_seen_before_its_report_is_matched_when_the_report_comes() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        settle("tr_c" + tag, 2500);
        String reference = "1182161." + tag.substring(0, 4) + ".02";
        finance().contentType(ContentType.XML).body(statement("S2-" + tag, entry("24.71", "CRDT",
                "<Ustrd>" + reference + "</Ustrd>", null))).post("/bank-statements").then().statusCode(201)
                .body("matched", equalTo(0));
        finance().contentType(ContentType.JSON).body(report("stl_c" + tag, reference, "24.71", "tr_c" + tag, "25.00"))
                .post("/settlement-reports/mollie").then().statusCode(201)
                .body("matchedPayments", equalTo(1)).body("onBank", equalTo(true));
        finance().get("/reconciliation?days=0").then()
                .body("unseenPayments.reference", not(hasItem("NAMUR-EC-tr_c" + tag)))
                .body("unmatchedCredits.remittance", not(hasItem(reference)));
    }

    @Test
    void what_is_not_a_mollie_settlement_report_is_refused() {
        finance().contentType(ContentType.JSON).body("{oops").post("/settlement-reports/mollie").then().statusCode(400)
                .contentType("application/problem+json");
        finance().contentType(ContentType.JSON).body("{\"settlement\":{\"resource\":\"payment\",\"id\":\"tr_x1234\"}}")
                .post("/settlement-reports/mollie").then().statusCode(400).body("errors[0].field", equalTo("settlement"));
        finance().contentType(ContentType.JSON).body(report("stl_bad1", "1.2.3", "12.345", "tr_ok123", "1.00"))
                .post("/settlement-reports/mollie").then().statusCode(400)
                .body("errors.field", hasItem("settlement.amount"));
        finance().contentType(ContentType.JSON).body(report("stl_bad2", "1.2.3", "1.00", "nope", "1.00"))
                .post("/settlement-reports/mollie").then().statusCode(400)
                .body("errors.field", hasItem("payments._embedded.payments[0].id"));
        Callers.as("agent", "a", TENANT)
                .contentType(ContentType.JSON).body(report("stl_ag12", "1.2.3", "1.00")).post("/settlement-reports/mollie")
                .then().statusCode(403);
        finance().get("/reconciliation?days=0").then()
                .body("payouts.settlementId", not(hasItem("stl_bad1"))).body("payouts.settlementId", not(hasItem("stl_ag12")));
    }
}
