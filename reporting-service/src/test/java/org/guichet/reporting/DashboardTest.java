package org.guichet.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.guichet.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21, finance's dashboard: settled sums per régie and day in the institution's zone (Prague here: a
 * payment at 23:30 UTC is the next day's), every day of the window even without money, outcomes, refunds
 * and the reconciliation state. The institution is this test's own, so the sums are exactly its payments.
 */
@QuarkusTest
class DashboardTest extends ReportingTestResource {
    /** Configured in Europe/Prague for the tests (config/demo/reporting-service.properties). */
    static final String TENANT = "lib-dashboard";
    static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    private static RequestSpecification finance() {
        return Callers.as("finance", "finance-dash", TENANT);
    }

    private static Events.PaymentSettledBuilder settled(String regie, String reference, long amount, Instant at) {
        return Events.aPaymentSettled().regie(regie).reference(reference).of(amount, "CZK").settledAt(at)
                .paying("inv-" + UUID.randomUUID(), "Pozdní vrácení").tenant(TENANT);
    }

    @Test
    void settled_sums_per_regie_and_local_day_outcomes_refunds_and_reconciliation() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String regie = "dash-library-" + suffix;
        String quiet = "dash-quiet-" + suffix;
        LocalDate today = LocalDate.now(PRAGUE);
        LocalDate day = today.minusDays(3);
        // 23:30 UTC the evening before is 00:30 (or 01:30 in summer) in Prague: the same day as the next one
        Instant lateEvening = day.minusDays(1).atTime(23, 30).toInstant(ZoneOffset.UTC);
        Instant morning = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        String early = UUID.randomUUID().toString();
        String seen = UUID.randomUUID().toString();
        String cash = UUID.randomUUID().toString();
        String old = UUID.randomUUID().toString();
        settled(regie, "DASH-E" + suffix, 1000, lateEvening).id(early).publish(TENANT);
        settled(regie, "DASH-S" + suffix, 250, morning).id(seen).publish(TENANT);
        settled(regie, "DASH-C" + suffix, 4000, morning.plusSeconds(60)).id(cash).atCounter().publish(TENANT);
        settled(regie, "DASH-O" + suffix, 7000, today.minusDays(40).atStartOfDay(PRAGUE).plusHours(12).toInstant())
                .id(old).publish(TENANT);
        // a régie without a settlement is still drawn: a line of zeros
        Events.aPaymentFailed().regie(quiet).of(500, "CZK").publish(TENANT);
        Events.aPaymentFailed().regie(quiet).of(600, "CZK").cancelled("gave up").publish(TENANT);
        Events.aPaymentFailed().regie(quiet).of(700, "CZK").expired("no answer").publish(TENANT);
        Events.aRefundIssued().ofPayment(early, "DASH-E" + suffix).of(300, "CZK").publish(TENANT);

        // the bank shows the second payment and a credit nobody claims
        String xml = BankReconciliationTest.statement("DASH-" + suffix,
                BankReconciliationTest.entry("2.50", "CRDT", "<Ustrd>Platba DASH-S" + suffix + "</Ustrd>", null)
                        + BankReconciliationTest.entry("9.99", "CRDT", "<Ustrd>neznamo</Ustrd>", null))
                .replace("EUR", "CZK");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().queryParam("status", "SETTLED")
                .get("/transactions").then().body("paymentId", hasItem(seen)));
        finance().contentType(ContentType.XML).body(xml).post("/bank-statements").then().statusCode(201)
                .body("matched", equalTo(1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath d = finance().get("/dashboard").then().statusCode(200).extract().jsonPath();
            assertEquals(30, d.getInt("days"));
            assertEquals("Europe/Prague", d.getString("timeZone"));
            LocalDate from = LocalDate.parse(d.getString("from"));
            LocalDate to = LocalDate.parse(d.getString("to"));
            assertEquals(from.plusDays(29), to);

            Map<String, Object> series = d.getMap("settledPerDay.find { it.regie == '" + regie + "' }");
            assertNotNull(series, "the régie's series");
            List<Map<String, Object>> days = d.getList("settledPerDay.find { it.regie == '" + regie + "' }.days");
            assertEquals(30, days.size(), "every day of the window, zeros included");
            assertEquals(from.toString(), days.get(0).get("day"));
            assertEquals(to.toString(), days.get(29).get("day"));
            for (Map<String, Object> each : days) {
                boolean theDay = day.toString().equals(each.get("day"));
                assertEquals(theDay ? 3 : 0, each.get("count"), "count of " + each.get("day"));
                assertEquals(theDay ? 5250 : 0, each.get("amount"), "amount of " + each.get("day"));
            }
            assertEquals("CZK", series.get("currency"));
            assertEquals(3, series.get("count"));
            assertEquals(5250, series.get("amount"));

            List<Map<String, Object>> quietDays = d.getList("settledPerDay.find { it.regie == '" + quiet + "' }.days");
            assertNotNull(quietDays, "a régie with payments but no settlement");
            assertEquals(30, quietDays.size());
            assertTrue(quietDays.stream().allMatch(q -> q.get("count").equals(0) && q.get("amount").equals(0)));

            // by when they were asked (all of them now, even the one settled 40 days ago)
            assertEquals(Map.of("SETTLED", List.of(4, 12250), "FAILED", List.of(1, 500), "CANCELLED", List.of(1, 600),
                    "EXPIRED", List.of(1, 700)), outcomes(d));
            assertEquals(List.of(Map.of("currency", "CZK", "count", 1, "amount", 300)), d.getList("refunds"));
            // online payments only: the cash taken at the counter does not reach the bank with its reference
            assertEquals(List.of(Map.of("currency", "CZK", "count", 1, "amount", 250)),
                    d.getList("reconciliation.matched"));
            assertEquals(2, d.getInt("reconciliation.notOnBank[0].count"));
            assertEquals(8000, d.getInt("reconciliation.notOnBank[0].amount"));
            assertTrue(d.getString("reconciliation.notOnBank[0].oldest").endsWith("Z"));
            assertEquals(1, d.getInt("reconciliation.unclaimedCredits[0].count"));
            assertEquals(999, d.getInt("reconciliation.unclaimedCredits[0].amount"));
            assertEquals("2026-11-23", d.getString("reconciliation.unclaimedCredits[0].oldest"));
        });

        // 92 days reach the payment settled 40 days ago
        JsonPath longer = finance().queryParam("days", 92).get("/dashboard").then().statusCode(200).extract().jsonPath();
        assertEquals(92, longer.getList("settledPerDay.find { it.regie == '" + regie + "' }.days").size());
        assertEquals(4, longer.getInt("settledPerDay.find { it.regie == '" + regie + "' }.count"));
        assertEquals(12250, longer.getInt("settledPerDay.find { it.regie == '" + regie + "' }.amount"));
    }

    private static Map<String, List<Integer>> outcomes(JsonPath d) {
        Map<String, List<Integer>> byOutcome = new java.util.TreeMap<>();
        for (Map<String, Object> o : d.<Map<String, Object>>getList("outcomes")) {
            assertEquals("CZK", o.get("currency"));
            byOutcome.put((String) o.get("outcome"), List.of((Integer) o.get("count"), (Integer) o.get("amount")));
        }
        return byOutcome;
    }

    @Test
    void days_out_of_range_or_not_a_number_are_a_400_and_only_finance_supervisors_and_admins_read_it() {
        for (String days : List.of("0", "93", "-1", "thirty", "1.5", "1e1")) {
            finance().queryParam("days", days).get("/dashboard").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("days"));
        }
        finance().queryParam("days", 1).get("/dashboard").then().statusCode(200).body("days", equalTo(1))
                .body("from", equalTo(LocalDate.now(PRAGUE).toString()));
        Callers.as("supervisor", "sup-dash", TENANT).get("/dashboard").then().statusCode(200);
        Callers.as("admin", "admin-dash", TENANT).get("/dashboard").then().statusCode(200);
        Callers.as("agent", "agent-dash", TENANT).get("/dashboard").then().statusCode(403);
        Callers.as("citizen", "citizen-dash", TENANT).get("/dashboard").then().statusCode(403);
    }

    @Test
    void an_institution_sees_only_its_own() {
        String regie = "dash-other-" + UUID.randomUUID().toString().substring(0, 8);
        String id = UUID.randomUUID().toString();
        Events.aPaymentSettled().id(id).regie(regie).of(100, "EUR").publish("dash-elsewhere");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Callers.as("finance", "f", "dash-elsewhere")
                .get("/dashboard").then().statusCode(200).body("timeZone", equalTo("Europe/Brussels"))
                .body("settledPerDay.regie", hasItem(regie)));
        finance().get("/dashboard").then().statusCode(200)
                .body("settledPerDay.regie", org.hamcrest.Matchers.not(hasItem(regie)));
    }
}
