package org.guichet.reporting;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.guichet.testing.MassAssignment;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.guichet.reporting.BankReconciliationTest.entry;
import static org.guichet.reporting.BankReconciliationTest.statement;
import static org.guichet.reporting.Callers.finance;
import static org.guichet.reporting.TransactionReadModelTest.TENANT;
import static org.guichet.testing.MassAssignment.over;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mass assignment: reporting's writes are finance's imports. A gateway's settlement report sent
 * with forged tenant, importer, state and matches ({@link MassAssignment}) is stored for the token's
 * institution and officer, its payments matched by the report's own ids and amounts only; a bank statement
 * (ISO XML: no field for any of these) belongs to the importer's institution too.
 */
@QuarkusTest
class MassAssignmentTest extends ReportingTestResource {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_settlement_report_is_the_importer_s_and_matches_only_what_it_lists() throws Exception {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String paymentId = SettlementReportTest.settle("tr_m" + tag, 1500);
        String reference = "1182161." + tag.substring(0, 4) + ".07";
        Map<String, Object> report = JSON.readValue(SettlementReportTest.report("stl_m" + tag, reference, "14.50",
                "tr_m" + tag, "15.00"), new TypeReference<>() {
                });
        @SuppressWarnings("unchecked")
        Map<String, Object> settlement = (Map<String, Object>) report.get("settlement");
        Map<String, Object> forged = over(report);
        forged.put("settlement", over(settlement));
        forged.put("matchedPaymentId", MassAssignment.FORGED_ID);

        String answer = finance().contentType(ContentType.JSON).body(forged).post("/settlement-reports/mollie").then()
                .statusCode(201)
                .body("payments", equalTo(1))
                .body("matchedPayments", equalTo(1))
                .extract().asString();
        MassAssignment.assertNoneEchoed(answer);
        Map<String, Object> stored = TestRows.of("reporting").one("select cast(id as text) id, tenant, gateway, imported_by, "
                + "amount, currency, reference from gateway_settlement where settlement_id = ?", "stl_m" + tag);
        assertEquals(TENANT, stored.get("tenant"));
        assertEquals("finance-1", stored.get("imported_by"));
        assertEquals("mollie", stored.get("gateway"));
        assertEquals(1450L, stored.get("amount"));
        assertEquals("EUR", stored.get("currency"));
        assertEquals(reference, stored.get("reference"));
        List<Map<String, Object>> payments = TestRows.of("reporting").all("select gateway_ref, amount, "
                + "cast(matched_payment_id as text) matched from settlement_payment where settlement = ?",
                UUID.fromString((String) stored.get("id")));
        assertEquals(List.of(Map.of("gateway_ref", "tr_m" + tag, "amount", 1500L, "matched", paymentId)), payments);
        Callers.as("finance", "finance-k", "lib-kladno").get("/reconciliation?days=0").then()
                .statusCode(200).body("payouts.settlementId", not(hasItem("stl_m" + tag)));
    }

    @Test
    void a_bank_statement_is_the_importer_s() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        finance().contentType(ContentType.XML).body(statement("MA-" + tag, entry("3.00", "CRDT", "<Ustrd>MA " + tag
                + "</Ustrd>", null))).post("/bank-statements").then().statusCode(201);
        Map<String, Object> stored = TestRows.of("reporting").one("select tenant, imported_by from bank_statement "
                + "where statement_id = ?", "MA-" + tag);
        assertEquals(TENANT, stored.get("tenant"));
        assertEquals("finance-1", stored.get("imported_by"));
        Callers.as("finance", "finance-k", "lib-kladno").get("/reconciliation?days=0").then()
                .statusCode(200).body("unmatchedCredits.remittance", not(hasItem("MA " + tag)));
    }
}
