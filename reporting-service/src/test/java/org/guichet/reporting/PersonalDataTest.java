package org.guichet.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.AccountPseudonymised;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.events.payload.TransactionsPastRetention;
import org.guichet.platform.privacy.Pseudonym;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.guichet.reporting.BankReconciliationTest.entry;
import static org.guichet.reporting.BankReconciliationTest.statement;
import static org.guichet.reporting.Callers.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Personal data in the read model: pseudonymising a payer (their closed account's period over) or old
 * transactions changes no total — by régie, day or mode — and no reconciliation with the bank; the back
 * office no longer finds the person by name, a late or replayed event does not bring the name back; the
 * export of a person, and the one document a data-protection officer downloads.
 */
@QuarkusTest
class PersonalDataTest extends ReportingTestResource {
    static final String TOWN = "privacy-town";

    static RequestSpecification finance() {
        return as("finance", "fin-1", TOWN);
    }

    static List<PaymentLine> lines(String tenant, long amount) {
        return List.of(new PaymentLine("PROCEDURE", UUID.randomUUID().toString(), tenant, "Extrait d'acte", amount));
    }

    static String settled(String tenant, Payer payer, String regie, String mode, String reference, long amount) {
        String paymentId = UUID.randomUUID().toString();
        Events.aPaymentSettled().id(paymentId).reference(reference).regie(regie).of(amount, "EUR")
                .through("ONLINE".equals(mode) ? "sandbox" : "counter", "sbx_" + reference).mode(mode).by(payer)
                .lines(lines(tenant, amount)).publish(tenant);
        return paymentId;
    }

    static void seen(String tenant, String paymentId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("finance", "fin-1", tenant)
                .get("/transactions/" + paymentId).then().statusCode(200));
    }

    static List<Object> search(String q) {
        return finance().queryParam("q", q).queryParam("limit", 1000).get("/transactions").then().statusCode(200)
                .extract().jsonPath().getList("paymentId");
    }

    /** What finance computes: totals by régie, day and mode, and the reconciliation with the bank. */
    static List<String> figures() {
        return List.of(
                finance().queryParam("by", "regie").get("/transactions/totals").then().statusCode(200).extract().asString(),
                finance().queryParam("by", "day").get("/transactions/totals").then().statusCode(200).extract().asString(),
                finance().queryParam("by", "mode").get("/transactions/totals").then().statusCode(200).extract().asString(),
                finance().queryParam("by", "reason").get("/transactions/totals").then().statusCode(200).extract().asString(),
                finance().get("/reconciliation?days=0").then().statusCode(200).extract().asString());
    }

    @Test
    void totals_and_reconciliation_are_the_same_before_and_after_pseudonymisation_and_the_name_is_no_longer_found() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Payer francoise = new Payer("pr-a1", "Françoise Dupré-Lefèvre", "f@example.be", "fr");
        Payer bernard = new Payer("pr-b1", "Bernard Quérel", "b@example.be", "fr");
        String a1 = settled(TOWN, francoise, "namur-population", "ONLINE", "PRIV-A1-" + suffix, 1200);
        String a2 = settled(TOWN, francoise, "namur-etat-civil", "CASH", "PRIV-A2-" + suffix, 700);
        String b1 = settled(TOWN, bernard, "namur-population", "ONLINE", "PRIV-B1-" + suffix, 450);
        String pending = UUID.randomUUID().toString();
        TestEvents.publish(EventType.CART_CHECKED_OUT, TOWN, "co-" + pending, new CartCheckedOut("co-" + pending,
                francoise, null, List.of(new CartCheckedOut.PaymentRequest(pending, "namur-population", 300, "EUR",
                lines(TOWN, 300)))));
        for (String id : List.of(a1, a2, b1, pending)) {
            seen(TOWN, id);
        }
        String xml = statement("STMT-P-" + suffix, entry("12.00", "CRDT", "<Ustrd>PRIV-A1-" + suffix + "</Ustrd>", null)
                + entry("4.50", "CRDT", "<Ustrd>PRIV-B1-" + suffix + "</Ustrd>", null)
                + entry("1.00", "CRDT", "<Ustrd>nobody's</Ustrd>", null));
        finance().contentType(ContentType.XML).body(xml).post("/bank-statements").then().statusCode(201)
                .body("matched", equalTo(2));

        List<String> before = figures();
        assertTrue(before.get(0).contains("namur-population") && before.get(0).contains("namur-etat-civil"), before.get(0));
        assertTrue(before.get(4).contains("\"matched\":2"), before.get(4));
        assertEquals(List.of(a1, a2, pending).stream().sorted().toList(), search("dupre-lefevre").stream().sorted().toList());
        String csvBefore = finance().get("/transactions/export.csv").then().statusCode(200).extract().asString();
        assertTrue(csvBefore.contains("Françoise Dupré-Lefèvre"));

        String pseudonym = Pseudonym.of(TOWN, "pr-a1");
        String event = TestEvents.publish(EventType.ACCOUNT_PSEUDONYMISED, TOWN, "pr-a1",
                new AccountPseudonymised("pr-a1", pseudonym, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(), search("dupre")));
        EventTap.send(Topics.ACCOUNTS, "pr-a1", event);

        assertEquals(before, figures(), "totals by régie, day, mode and reason, and the reconciliation, unchanged");
        assertEquals(3, search(pseudonym).size(), "found by the pseudonym");
        assertEquals(List.of(b1), search("querel"), "another payer is still found by name");
        String csvAfter = finance().get("/transactions/export.csv").then().statusCode(200).extract().asString();
        assertFalse(csvAfter.contains("Dupré") || csvAfter.contains("Françoise"), csvAfter);
        assertEquals(csvBefore.lines().count(), csvAfter.lines().count());
        assertEquals(csvBefore.replace("Françoise Dupré-Lefèvre", pseudonym), csvAfter, "only the name changed");
        finance().get("/transactions/" + a1).then().body("transaction.citizenName", equalTo(pseudonym))
                .body("transaction.reference", equalTo("PRIV-A1-" + suffix)).body("transaction.total", equalTo(1200))
                .body("transaction.lines[0].description", equalTo("Extrait d'acte"));

        // the pending payment settles late, its event still naming the payer: the name does not come back
        Events.aPaymentSettled().id(pending).reference("PRIV-A3-" + suffix).checkout("co-" + pending)
                .regie("namur-population").of(300, "EUR").through("sandbox", "sbx_late").by(francoise)
                .lines(lines(TOWN, 300)).publish(TOWN);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().get("/transactions/" + pending).then()
                .body("transaction.status", equalTo("SETTLED")).body("transaction.citizenName", equalTo(pseudonym)));
        assertEquals(List.of(), search("dupre"));

        // then the institution's old transactions: everyone's, totals unchanged again
        List<String> beforeCutOff = figures();
        Instant cut = Instant.now().plusSeconds(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(cut));
        TestEvents.publish(EventType.TRANSACTIONS_PAST_RETENTION, TOWN, TOWN,
                new TransactionsPastRetention(cut, "P10Y", LocalDate.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(), search("querel")));
        assertEquals(List.of(b1), search(Pseudonym.of(TOWN, "pr-b1")));
        assertEquals(beforeCutOff, figures());

        // a replay of every topic (the read model rebuilt) brings no name back
        as("operator", "operator-1", TOWN).post("/admin/read-model/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertEquals(4, search(suffix).size()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(beforeCutOff, figures()));
        assertEquals(List.of(), search("dupre"));
        assertEquals(List.of(), search("querel"));
        finance().get("/transactions/" + b1).then().body("transaction.citizenName", equalTo(Pseudonym.of(TOWN, "pr-b1")));
    }

    @Test
    void the_export_holds_the_persons_transactions_and_the_officer_gets_one_document_of_every_part() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String tenant = "privacy-export";
        String mine = settled(tenant, new Payer("pr-e1", "Hélène Marchal", "h@example.be", "fr"), "namur-population",
                "ONLINE", "PRIV-E1-" + suffix, 2500);
        String theirs = settled(tenant, new Payer("pr-e2", "Jacques Brel", "j@example.be", "fr"), "namur-population",
                "ONLINE", "PRIV-E2-" + suffix, 800);
        String elsewhere = settled("privacy-elsewhere", new Payer("pr-e1", "Hélène Autre", "a@example.be", "fr"),
                "namur-population", "ONLINE", "PRIV-E3-" + suffix, 100);
        seen(tenant, mine);
        seen(tenant, theirs);
        seen("privacy-elsewhere", elsewhere);

        JsonPath part = as("admin", "dpo-1", tenant).get("/privacy/subjects/pr-e1").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("reporting-service", part.getString("service"));
        assertEquals(List.of(mine), part.getList("records.transactions.payment_id"));
        assertEquals(List.of("Hélène Marchal"), part.getList("records.transactions.citizen_name"));
        assertFalse(part.getList("records.events").isEmpty());
        assertFalse(part.prettify().contains(theirs) || part.prettify().contains("Brel") || part.prettify().contains(elsewhere));

        Response download = as("admin", "dpo-1", tenant).get("/privacy/subjects/pr-e1/export");
        assertEquals(200, download.statusCode(), download.asString());
        assertEquals("attachment; filename=\"personal-data-privacy-export-pr-e1.json\"",
                download.header("Content-Disposition"));
        JsonPath document = download.jsonPath();
        assertEquals(tenant, document.getString("tenant"));
        assertEquals("pr-e1", document.getString("subject"));
        // here every part is this service's own answer, asked over HTTP with the officer's token (see
        // application.properties); with the suite running, they are billing's, cart's, payment's and notification's
        List<Map<String, Object>> parts = document.getList("parts");
        assertEquals(5, parts.size());
        for (int i = 0; i < parts.size(); i++) {
            assertEquals(List.of(mine), document.getList("parts[" + i + "].records.transactions.payment_id"));
            assertEquals("pr-e1", document.getString("parts[" + i + "].subject"));
        }
        String whole = download.asString();
        assertFalse(whole.contains(theirs) || whole.contains("Brel") || whole.contains(elsewhere), whole);

        // the citizen downloads their own; nobody else's
        Response own = as("citizen", "pr-e1", tenant).get("/privacy/me/export");
        assertEquals(200, own.statusCode(), own.asString());
        assertEquals(List.of(mine), own.jsonPath().getList("parts[0].records.transactions.payment_id"));
        assertTrue(own.header("Content-Disposition").startsWith("attachment"));
        as("citizen", "pr-e2", tenant).get("/privacy/me/export").then().statusCode(200)
                .body("parts[4].records.transactions.payment_id", equalTo(List.of(theirs)));
        as("citizen", "pr-e1", tenant).get("/privacy/subjects/pr-e2/export").then().statusCode(403)
                .contentType("application/problem+json");
        as("finance", "fin-1", tenant).get("/privacy/subjects/pr-e1/export").then().statusCode(403);
        as("agent", "agent-1", tenant).get("/privacy/subjects/pr-e1").then().statusCode(403);
        given().get("/privacy/subjects/pr-e1/export").then().statusCode(401);
        as("admin", "dpo-1", tenant).get("/privacy/subjects/nobody-" + suffix + "/export").then().statusCode(200)
                .body("parts", hasSize(5)).body("parts.records.transactions.flatten()", hasSize(0));
    }
}
