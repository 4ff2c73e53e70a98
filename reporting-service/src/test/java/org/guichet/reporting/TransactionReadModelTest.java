package org.guichet.reporting;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.events.EventType;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.testing.Events;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.guichet.reporting.Callers.finance;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class TransactionReadModelTest extends ReportingTestResource {
    static final String TENANT = "ville-namur";
    static final Payer PAYER = new Payer("citizen-r1", "Françoise Dupré-Lefèvre", "f@example.be", "fr");

    static List<PaymentLine> lines(long amount) {
        return List.of(new PaymentLine("PROCEDURE", UUID.randomUUID().toString(), TENANT, "Extrait d'acte; postal", amount));
    }

    static void checkedOut(String paymentId, long amount) {
        String checkoutId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.CART_CHECKED_OUT, TENANT, checkoutId, new CartCheckedOut(checkoutId, PAYER, null,
                List.of(new CartCheckedOut.PaymentRequest(paymentId, "namur-population", amount, "EUR", lines(amount)))));
    }

    static void settled(String paymentId, String reference, long amount) {
        Events.aPaymentSettled().id(paymentId).reference(reference).regie("namur-population").of(amount, "EUR")
                .through("sandbox", "sbx_r").by(PAYER).lines(lines(amount)).publish(TENANT);
    }

    @Test
    void a_checkout_then_its_settlement_make_one_settled_line_found_without_accents() {
        String paymentId = UUID.randomUUID().toString();
        checkedOut(paymentId, 1200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().queryParam("q", "dupre-lefevre")
                .get("/transactions").then().statusCode(200).body("find { it.paymentId == '" + paymentId + "' }.status", equalTo("PENDING")));
        settled(paymentId, "NAMUR-POPULATION-000001", 1200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().queryParam("q", "NAMUR-POPULATION-000001")
                .get("/transactions").then().body("$", hasSize(1)).body("[0].status", equalTo("SETTLED"))
                .body("[0].total", equalTo(1200)).body("[0].citizenName", equalTo("Françoise Dupré-Lefèvre"))
                .body("[0].lines[0].description", equalTo("Extrait d'acte; postal")));
    }

    @Test
    void out_of_order_events_never_move_a_settled_line_back() {
        String paymentId = UUID.randomUUID().toString();
        settled(paymentId, "NAMUR-POPULATION-000002", 700);
        checkedOut(paymentId, 700);
        Events.aPaymentFailed().id(paymentId).reference("NAMUR-POPULATION-000002").regie("namur-population")
                .of(700, "EUR").because("late").by(PAYER).lines(lines(700)).publish(TENANT);
        String marker = UUID.randomUUID().toString();
        settled(marker, "NAMUR-POPULATION-MARKER", 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().queryParam("q", "NAMUR-POPULATION-MARKER")
                .get("/transactions").then().body("$", hasSize(1)));
        finance().queryParam("q", "NAMUR-POPULATION-000002").get("/transactions").then()
                .body("$", hasSize(1)).body("[0].status", equalTo("SETTLED"));
    }

    @Test
    void csv_export_is_semicolon_separated_with_decimal_comma_and_quoted_cells() {
        String paymentId = UUID.randomUUID().toString();
        settled(paymentId, "NAMUR-POPULATION-000003", 1234);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().queryParam("q", "NAMUR-POPULATION-000003")
                .get("/transactions").then().body("$", hasSize(1)));
        finance().accept("text/csv").queryParam("q", "NAMUR-POPULATION-000003").get("/transactions").then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("\uFEFFreference;date;citizen;total;currency"))
                .body(containsString("NAMUR-POPULATION-000003;"))
                .body(containsString(";12,34;EUR;namur-population;SETTLED;"))
                .body(containsString("\"Extrait d'acte; postal = 12,34\""));
    }

    @Test
    void another_institution_sees_none_of_it_and_citizens_see_nothing() {
        String paymentId = UUID.randomUUID().toString();
        settled(paymentId, "NAMUR-POPULATION-000004", 500);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().queryParam("q", "NAMUR-POPULATION-000004")
                .get("/transactions").then().body("$", hasSize(1)));
        Callers.as("finance", "finance-k", "lib-kladno")
                .queryParam("q", "NAMUR-POPULATION-000004").get("/transactions").then().body("$", hasSize(0));
        Callers.as("citizen", "citizen-r1", TENANT).get("/transactions").then().statusCode(403);
    }

    @Test
    void bad_filters_get_a_problem() {
        finance().queryParam("status", "LOST").get("/transactions").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        finance().queryParam("limit", "0").get("/transactions").then().statusCode(400);
    }
}
