package org.guichet.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.payload.PaymentLine;
import org.guichet.testing.Events;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.guichet.reporting.Callers.finance;
import static org.guichet.reporting.TransactionReadModelTest.PAYER;
import static org.guichet.reporting.TransactionReadModelTest.TENANT;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R23 search: filters, sort by amount, keyset pages that miss and repeat nothing, streamed exports, totals, cash-up. */
@QuarkusTest
class TransactionSearchTest extends ReportingTestResource {
    String regie;
    final long[] amounts = {500, 1200, 300, 990, 7000, 1200, 50};
    final String[] modes = {"ONLINE", "CASH", "CASH", "CHEQUE", "ONLINE", "CARD_TERMINAL", "CASH"};
    final String[] operators = {null, "agent-a", "agent-b", "agent-a", null, "agent-a", "agent-a"};

    @BeforeEach
    void seed() {
        regie = "search-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < amounts.length; i++) {
            String gateway = modes[i].equals("ONLINE") ? "mollie" : "counter";
            Events.aPaymentSettled().reference(regie.toUpperCase() + "-" + i).regie(regie).of(amounts[i], "EUR")
                    .through(gateway, "g" + i).mode(modes[i]).by(PAYER).paying(UUID.randomUUID().toString(), "line " + i)
                    .receipt("RC-" + i, null).operator(operators[i]).publish(TENANT);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().queryParam("regie", regie)
                .get("/transactions").then().body("$", hasSize(amounts.length)));
    }

    @Test
    void filters_and_sort_by_amount() {
        finance().queryParam("regie", regie).queryParam("gateway", "mollie").get("/transactions").then()
                .body("$", hasSize(2));
        finance().queryParam("regie", regie).queryParam("minAmount", 500).queryParam("maxAmount", 1200)
                .get("/transactions").then().body("$", hasSize(4));
        finance().queryParam("regie", regie).queryParam("sort", "amount").get("/transactions").then()
                .body("total", equalTo(List.of(7000, 1200, 1200, 990, 500, 300, 50)));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        finance().queryParam("regie", regie).queryParam("from", today).queryParam("to", today).get("/transactions")
                .then().body("$", hasSize(amounts.length));
        finance().queryParam("regie", regie).queryParam("to", "2000-01-01").get("/transactions").then().body("$", hasSize(0));
    }

    @Test
    void keyset_pages_cover_everything_once() {
        for (String sort : List.of("date", "amount")) {
            Set<String> seen = new HashSet<>();
            List<String> order = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = finance().queryParam("regie", regie).queryParam("sort", sort).queryParam("limit", 2);
                if (cursor != null) {
                    request = request.queryParam("after", cursor);
                }
                Response page = request.get("/transactions");
                page.then().statusCode(200);
                List<String> ids = page.jsonPath().getList("paymentId");
                order.addAll(ids);
                seen.addAll(ids);
                cursor = page.header("Next-Cursor");
                pages++;
            } while (cursor != null && pages < 10);
            assertEquals(amounts.length, order.size(), sort + ": no row twice");
            assertEquals(amounts.length, seen.size(), sort + ": every row");
        }
    }

    @Test
    void bad_searches_are_refused() {
        finance().queryParam("from", "22/11/2026").get("/transactions").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        finance().queryParam("sort", "colour").get("/transactions").then().statusCode(400);
        finance().queryParam("after", "not-a-cursor").get("/transactions").then().statusCode(400);
        finance().queryParam("from", "2026-11-22").queryParam("to", "2026-11-01").get("/transactions").then().statusCode(400);
        finance().queryParam("minAmount", -5).get("/transactions/export.csv").then().statusCode(400);
        finance().queryParam("by", "colour").get("/transactions/totals").then().statusCode(400);
        finance().get("/transactions/cash-up").then().statusCode(400);
    }

    @Test
    void the_whole_search_streams_as_csv_and_json() throws Exception {
        String csv = finance().queryParam("regie", regie).get("/transactions/export.csv").then()
                .statusCode(200).extract().asString();
        String[] lines = csv.split("\n");
        assertTrue(lines[0].startsWith("\uFEFFreference;date;citizen"), lines[0]);
        assertEquals(amounts.length + 1, lines.length, csv);
        assertTrue(csv.contains(";70,00;EUR;"), csv);
        String json = finance().queryParam("regie", regie).get("/transactions/export.json")
                .then().statusCode(200).extract().asString();
        JsonNode array = EventJson.MAPPER.readTree(json);
        assertEquals(amounts.length, array.size(), json);
    }

    @Test
    void a_payment_carries_its_regie_s_accounting_code_into_json_and_csv() {
        String paymentId = UUID.randomUUID().toString();
        String checkoutId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.CART_CHECKED_OUT, TENANT, checkoutId, new org.guichet.events.payload.CartCheckedOut(
                checkoutId, PAYER, null, List.of(new org.guichet.events.payload.CartCheckedOut.PaymentRequest(paymentId,
                regie, 4200, "EUR", List.of(new PaymentLine("PROCEDURE", "r1", TENANT, "acte", 4200)), "70/161-09"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().queryParam("regie", regie)
                .queryParam("status", "PENDING").get("/transactions").then().body("[0].accountingCode", equalTo("70/161-09")));
        String csv = finance().queryParam("regie", regie).queryParam("status", "PENDING").get("/transactions/export.csv")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.split("\n")[0].endsWith(";accounting_code;refunded") && csv.contains(";70/161-09;0,00\n"), csv);
    }

    @Test
    void totals_per_mode_and_the_counter_cash_up_per_agent() {
        List<Object> byMode = finance().queryParam("regie", regie).queryParam("by", "mode").get("/transactions/totals")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(4, byMode.size(), byMode.toString());
        finance().queryParam("regie", regie).queryParam("by", "mode").get("/transactions/totals").then()
                .body("find { it.key == 'CASH' }.total", equalTo(1200 + 300 + 50))
                .body("find { it.key == 'CASH' }.count", equalTo(3))
                .body("find { it.key == 'ONLINE' }.total", equalTo(7500));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Response cash = finance().queryParam("day", today).get("/transactions/cash-up");
        cash.then().statusCode(200);
        // this test's agents (others' tests add their own rows): agent-a took 1200 + 50 cash, 990 cheque, 1200 card
        Integer aCash = cash.jsonPath().get("find { it.operator == 'agent-a' && it.mode == 'CASH' }.total");
        assertNotNull(aCash);
        assertTrue(aCash >= 1250, cash.asString());
        assertNull(cash.jsonPath().get("find { it.operator == '?' && it.mode == 'ONLINE' }"));
    }
}
