package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.PaymentLine;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.guichet.billing.Fixtures.as;
import static org.guichet.billing.Fixtures.createInvoice;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** R3 (oldest first, each in full where possible), overpayment to credit, R14 deposits and paying from credit. */
@QuarkusTest
class CreditAndAllocationTest extends BillingTestResource {

    static void settle(String account, PaymentLine line) {
        Events.aPaymentSettled().of(line.amount(), "CZK").atCounter().lines(line).by(Events.payer(account, "cs"))
                .publish("lib-kladno");
    }

    static void summary(String account, int charges, int credit) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("agent", "a").get("/accounts/" + account + "/summary")
                .then().body("currentCharges", equalTo(charges)).body("credit", equalTo(credit)));
    }

    @Test
    void R3_a_partial_payment_goes_to_the_oldest_bill_first_each_paid_in_full_where_possible() {
        String first = createInvoice("patron-a1", 1000);
        String second = createInvoice("patron-a1", 500);
        String third = createInvoice("patron-a1", 2000);
        settle("patron-a1", new PaymentLine(PaymentLine.ACCOUNT, "patron-a1", "lib-kladno", "at the counter", 1200));
        summary("patron-a1", 2300, 0);
        as("agent", "a").get("/invoices/" + first).then().body("state", equalTo("PAID"));
        as("agent", "a").get("/invoices/" + second).then().body("state", equalTo("PARTIALLY_PAID")).body("paid", equalTo(200));
        as("agent", "a").get("/invoices/" + third).then().body("state", equalTo("OPEN")).body("paid", equalTo(0));
    }

    @Test
    void R14_what_a_payment_brings_beyond_the_bills_becomes_credit() {
        String bill = createInvoice("patron-a2", 1000);
        try (EventTap tap = new EventTap(Topics.INVOICES)) {
            settle("patron-a2", new PaymentLine(PaymentLine.ACCOUNT, "patron-a2", "lib-kladno", "cash", 5000));
            summary("patron-a2", 0, 4000);
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals("patron-a2")
                    && EventJson.read(x.value()).is(EventType.CREDIT_DEPOSITED), Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(r.value()));
        }
        as("agent", "a").get("/invoices/" + bill).then().body("state", equalTo("PAID"));
        String overpaid = createInvoice("patron-a2", 700);
        settle("patron-a2", new PaymentLine(PaymentLine.INVOICE, overpaid, "lib-kladno", "bill", 1000));
        summary("patron-a2", 0, 4300);
    }

    @Test
    void R14_a_deposit_goes_on_credit_and_bills_are_paid_from_it() {
        settle("patron-a3", new PaymentLine(PaymentLine.DEPOSIT, "patron-a3", "lib-kladno", "deposit", 3000));
        String older = createInvoice("patron-a3", 1000);
        String chosen = createInvoice("patron-a3", 2500);
        summary("patron-a3", 3500, 3000);

        as("agent", "a").body(Map.of("invoiceIds", List.of(chosen))).post("/accounts/patron-a3/pay-from-credit")
                .then().statusCode(200).body("paid", equalTo(2500)).body("creditLeft", equalTo(500));
        as("agent", "a").get("/invoices/" + chosen).then().body("state", equalTo("PAID"));
        as("agent", "a").get("/invoices/" + older).then().body("state", equalTo("OPEN"));
        as("agent", "a").get("/invoices/" + chosen + "/history").then().body("[1].paymentMode", equalTo("CREDIT"));

        as("agent", "a").body(Map.of("amount", 600)).post("/accounts/patron-a3/pay-from-credit").then()
                .statusCode(422).body("type", equalTo("https://guichet.org/problems/insufficient-credit"));
        as("agent", "a").body(Map.of("amount", 1001)).post("/accounts/patron-a3/pay-from-credit").then()
                .statusCode(400).body("errors[0].field", equalTo("amount"));
        as("citizen", "patron-a3").body("{}").post("/accounts/me/pay-from-credit").then().statusCode(200)
                .body("paid", equalTo(500)).body("creditLeft", equalTo(0));
        summary("patron-a3", 500, 0);
        as("citizen", "patron-a3").body("{}").post("/accounts/me/pay-from-credit").then().statusCode(422);
        as("citizen", "patron-other").body(Map.of("invoiceIds", List.of(older))).post("/accounts/me/pay-from-credit")
                .then().statusCode(404);
    }

    @Test
    void R3_waive_all_or_the_selected_bills_a_partial_amount_oldest_first() {
        String first = createInvoice("patron-w1", 1000);
        String second = createInvoice("patron-w1", 500);
        String third = createInvoice("patron-w1", 2000);
        as("agent", "agent-7").body(Map.of("amount", 1200, "notes", "hardship")).post("/accounts/patron-w1/waive")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.contains(first, second));
        as("agent", "a").get("/invoices/" + first).then().body("state", equalTo("WAIVED"));
        as("agent", "a").get("/invoices/" + second).then().body("waived", equalTo(200)).body("state", equalTo("PARTIALLY_PAID"));
        as("agent", "a").get("/invoices/" + third).then().body("waived", equalTo(0));
        as("agent", "agent-7").body(Map.of("amount", 2301)).post("/accounts/patron-w1/waive").then().statusCode(400);
        as("agent", "agent-7").body(Map.of("invoiceIds", List.of(third))).post("/accounts/patron-w1/waive")
                .then().statusCode(200);
        as("agent", "a").get("/invoices/" + third).then().body("state", equalTo("WAIVED"));
        as("agent", "agent-7").body(Map.of("invoiceIds", List.of(third))).post("/accounts/patron-w1/waive")
                .then().statusCode(404);
        summary("patron-w1", 300, 0);
    }
}
