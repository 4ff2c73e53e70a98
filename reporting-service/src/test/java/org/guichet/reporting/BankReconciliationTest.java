package org.guichet.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.guichet.reporting.Callers.finance;
import static org.guichet.reporting.TransactionReadModelTest.settled;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * R23 with the bank: a camt.053 statement is matched to settled payments by reference and amount — a
 * Belgian structured communication given as twelve digits, a reference in free text, and a payout of
 * two payments in one entry — leaving a stray credit unmatched; importing it again changes nothing.
 */
@QuarkusTest
class BankReconciliationTest extends ReportingTestResource {

    static String entry(String amount, String direction, String remittance, String details) {
        return "<Ntry><Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>" + direction + "</CdtDbtInd><Sts>BOOK</Sts>"
                + "<BookgDt><Dt>2026-11-23</Dt></BookgDt><AcctSvcrRef>BANK-" + UUID.randomUUID().toString().substring(0, 8)
                + "</AcctSvcrRef><NtryDtls>" + (details != null ? details : "<TxDtls><RmtInf>" + remittance
                + "</RmtInf></TxDtls>") + "</NtryDtls></Ntry>";
    }

    static String statement(String id, String entries) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">"
                + "<BkToCstmrStmt><GrpHdr><MsgId>M-" + id + "</MsgId><CreDtTm>2026-11-23T06:00:00</CreDtTm></GrpHdr>"
                + "<Stmt><Id>" + id + "</Id><CreDtTm>2026-11-23T06:00:00</CreDtTm><Acct><Id><IBAN>BE71096123456769</IBAN>"
                + "</Id></Acct>" + entries + "</Stmt></BkToCstmrStmt></Document>";
    }

    @Test
    void credits_are_matched_by_reference_and_amount_and_a_statement_is_imported_once() {
        String structured = UUID.randomUUID().toString();
        String plain = UUID.randomUUID().toString();
        String payoutA = UUID.randomUUID().toString();
        String payoutB = UUID.randomUUID().toString();
        String unseen = UUID.randomUUID().toString();
        String suffix = structured.substring(0, 4).replaceAll("[^0-9]", "1");
        settled(structured, "+++090/9337/55493+++", 1200);
        settled(plain, "NAMUR-POPULATION-R" + suffix, 700);
        settled(payoutA, "NAMUR-POPULATION-PA" + suffix, 300);
        settled(payoutB, "NAMUR-POPULATION-PB" + suffix, 450);
        settled(unseen, "NAMUR-POPULATION-U" + suffix, 999);
        // the five land on different partitions: wait for each, not for the last one sent
        for (String id : java.util.List.of(structured, plain, payoutA, payoutB, unseen)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().queryParam("status", "SETTLED")
                    .queryParam("limit", 10000).get("/transactions").then().body("paymentId", hasItem(id)));
        }

        String payout = "<TxDtls><Amt Ccy=\"EUR\">3.00</Amt><RmtInf><Ustrd>NAMUR-POPULATION-PA" + suffix
                + "</Ustrd></RmtInf></TxDtls><TxDtls><Amt Ccy=\"EUR\">4.50</Amt><RmtInf><Ustrd>NAMUR-POPULATION-PB" + suffix
                + "</Ustrd></RmtInf></TxDtls>";
        String id = "STMT-" + UUID.randomUUID().toString().substring(0, 8);
        String xml = statement(id,
                entry("12.00", "CRDT", "<Strd><CdtrRefInf><Ref>090933755493</Ref></CdtrRefInf></Strd>", null)
                        + entry("7.00", "CRDT", "<Ustrd>Paiement namur-population-r" + suffix + " merci</Ustrd>", null)
                        + entry("7.50", "CRDT", null, payout)
                        + entry("9.99", "CRDT", "<Ustrd>NAMUR-POPULATION-NOPE</Ustrd>", null)
                        + entry("12.00", "DBIT", "<Ustrd>bank fees</Ustrd>", null));
        String unmatchedRef = "NAMUR-POPULATION-NOPE";

        finance().contentType(ContentType.XML).body(xml).post("/bank-statements").then().statusCode(201)
                .body("lines", equalTo(6)).body("matched", equalTo(4));
        finance().contentType(ContentType.XML).body(xml).post("/bank-statements").then().statusCode(409)
                .contentType("application/problem+json");
        finance().get("/reconciliation?days=0").then().statusCode(200)
                .body("unmatchedCredits.remittance", hasItem(unmatchedRef))
                .body("unseenPayments.reference", hasItem("NAMUR-POPULATION-U" + suffix))
                .body("unseenPayments.reference", not(hasItem("NAMUR-POPULATION-PA" + suffix)))
                .body("unseenPayments.reference", not(hasItem("+++090/9337/55493+++")));
    }

    @Test
    void M4_an_amount_with_an_exponent_or_a_made_up_currency_is_a_400_at_once() {
        finance().contentType(ContentType.XML).body(statement("M4-" + UUID.randomUUID(), entry("1E+100000000", "CRDT",
                "<Ustrd>x</Ustrd>", null))).post("/bank-statements").then().statusCode(400)
                .contentType("application/problem+json");
        finance().contentType(ContentType.XML).body(statement("M4-" + UUID.randomUUID(), entry("9".repeat(5000), "CRDT",
                "<Ustrd>x</Ustrd>", null))).post("/bank-statements").then().statusCode(400)
                .contentType("application/problem+json");
        finance().contentType(ContentType.XML).body(statement("M4-" + UUID.randomUUID(), entry("1.00", "CRDT",
                "<Ustrd>x</Ustrd>", null).replace("Ccy=\"EUR\"", "Ccy=\"abc\""))).post("/bank-statements").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void what_is_not_a_camt_053_is_refused_and_changes_nothing() {
        finance().contentType(ContentType.XML).body("<Document><oops").post("/bank-statements").then().statusCode(400)
                .contentType("application/problem+json");
        finance().contentType(ContentType.XML).body("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:"
                + "pain.001.001.03\"><CstmrCdtTrfInitn/></Document>").post("/bank-statements").then().statusCode(400);
        finance().contentType(ContentType.XML).body(statement("X-" + UUID.randomUUID(), entry("1.234", "CRDT",
                "<Ustrd>x</Ustrd>", null))).post("/bank-statements").then().statusCode(400);
        finance().contentType(ContentType.XML).body("<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>")
                .post("/bank-statements").then().statusCode(400);
        given_an_agent_import_is_forbidden();
        finance().get("/reconciliation?days=-1").then().statusCode(400);
    }

    private static void given_an_agent_import_is_forbidden() {
        Callers.as("agent", "a", "ville-namur")
                .contentType(ContentType.XML).body("<x/>").post("/bank-statements").then().statusCode(403);
    }
}
