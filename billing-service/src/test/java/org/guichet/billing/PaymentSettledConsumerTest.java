package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.InvoicePaid;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.guichet.billing.Fixtures.as;
import static org.guichet.billing.Fixtures.createInvoice;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PaymentSettledConsumerTest extends BillingTestResource {

    static String settledEvent(String invoiceId, long amount) {
        return Events.aPaymentSettled().reference("KLADNO-LIBRARY-000001").checkout(UUID.randomUUID().toString())
                .of(amount, "CZK").paying(invoiceId, "Late fee")
                .by(new Payer("patron-800", "Jana Nováková", "jana@example.cz", "cs")).json("lib-kladno");
    }

    @Test
    void a_settled_payment_marks_the_invoice_paid_with_mode_and_reference_in_history() {
        String invoiceId = createInvoice("patron-800", 5000);
        EventTap.send(Topics.PAYMENTS, invoiceId, settledEvent(invoiceId, 5000));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("citizen", "patron-800").get("/invoices/" + invoiceId).then().body("state", equalTo("PAID")));
        as("citizen", "patron-800").get("/invoices/" + invoiceId + "/history").then()
                .body("[1].action", equalTo("PAYMENT"))
                .body("[1].amount", equalTo(5000))
                .body("[1].paymentMode", equalTo("ONLINE/sandbox"))
                .body("[1].reference", equalTo("KLADNO-LIBRARY-000001"));
    }

    @Test
    void a_redelivered_event_is_applied_once() {
        String invoiceId = createInvoice("patron-810", 5000);
        String event = settledEvent(invoiceId, 2000);
        try (EventTap tap = new EventTap(Topics.INVOICES)) {
            EventTap.send(Topics.PAYMENTS, invoiceId, event);
            EventTap.send(Topics.PAYMENTS, invoiceId, event);
            EventTap.send(Topics.PAYMENTS, invoiceId, event);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    as("agent", "a").get("/invoices/" + invoiceId).then().body("paid", equalTo(2000)));
            var paid = tap.collect(r -> r.key().equals(invoiceId)
                    && EventJson.read(r.value()).is(EventType.INVOICE_PAID), Duration.ofSeconds(4));
            assertEquals(1, paid.size(), "one InvoicePaid for one payment");
            InvoicePaid payload = EventJson.read(paid.get(0).value()).payloadAs(InvoicePaid.class);
            assertEquals(3000, payload.outstanding());
        }
        as("agent", "a").get("/invoices/" + invoiceId).then()
                .body("paid", equalTo(2000)).body("outstanding", equalTo(3000)).body("state", equalTo("PARTIALLY_PAID"));
        as("agent", "a").get("/invoices/" + invoiceId + "/history").then().body("size()", equalTo(2));
    }

    @Test
    void R8_a_counter_payment_names_the_agent_as_operator_and_the_patron_as_payer_in_the_history() {
        String partly = createInvoice("patron-830", 5000);
        String over = createInvoice("patron-830", 1000);
        String paymentId = UUID.randomUUID().toString();
        String event = Events.aPaymentSettled().id(paymentId).reference("KLADNO-LIBRARY-000830").of(3500, "CZK")
                .atCounter("agent-77", "Eva Agentová").by(Events.payer("patron-830", null))
                .lines(new PaymentLine(PaymentLine.INVOICE, partly, "lib-kladno", "Bill", 2000),
                        new PaymentLine(PaymentLine.INVOICE, over, "lib-kladno", "Bill", 1500))
                .receipt("RC-LIB-KLADNO-2026-000830", null).json("lib-kladno");
        assertEquals(List.of(), org.guichet.events.EventContract.violations(event));
        EventTap.send(Topics.PAYMENTS, paymentId, event);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("agent", "a").get("/invoices/" + over).then().body("state", equalTo("PAID")));
        as("agent", "a").get("/invoices/" + partly + "/history").then()
                .body("[1].action", equalTo("PAYMENT"))
                .body("[1].amount", equalTo(2000))
                .body("[1].paymentMode", equalTo("CASH/counter"))
                .body("[1].operator", equalTo("agent-77"))
                .body("[1].operatorName", equalTo("Eva Agentová"))
                .body("[1].payer", equalTo("patron-830"));
        // what went beyond the bill is on credit, taken by the agent from the patron
        as("agent", "a").get("/accounts/patron-830/history").then()
                .body("find { it.action == 'CREDIT_OVERPAYMENT' }.amount", equalTo(500))
                .body("find { it.action == 'CREDIT_OVERPAYMENT' }.operator", equalTo("agent-77"))
                .body("find { it.action == 'CREDIT_OVERPAYMENT' }.payer", equalTo("patron-830"))
                .body("findAll { it.action == 'PAYMENT' }.operator", equalTo(List.of("agent-77", "agent-77")));
        // the counter tells a payment billing applied from one in flight by the payments each open bill lists
        as("agent", "a").get("/accounts/patron-830/payability").then()
                .body("bills.find { it.id == '" + partly + "' }.outstanding", equalTo(3000))
                .body("bills.find { it.id == '" + partly + "' }.appliedPayments", equalTo(List.of(paymentId)));
    }

    @Test
    void R8_an_online_payment_s_operator_is_its_payer() {
        String invoiceId = createInvoice("patron-840", 5000);
        EventTap.send(Topics.PAYMENTS, invoiceId, settledEvent(invoiceId, 5000).replace("patron-800", "patron-840"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("agent", "a").get("/invoices/" + invoiceId).then().body("state", equalTo("PAID")));
        as("agent", "a").get("/invoices/" + invoiceId + "/history").then()
                .body("[1].operator", equalTo("patron-840"))
                .body("[1].payer", equalTo("patron-840"));
    }

    @Test
    void a_malformed_record_does_not_stop_the_consumer() {
        String invoiceId = createInvoice("patron-820", 1000);
        EventTap.send(Topics.PAYMENTS, invoiceId, "{not an envelope");
        EventTap.send(Topics.PAYMENTS, invoiceId, settledEvent(invoiceId, 1000));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("agent", "a").get("/invoices/" + invoiceId).then().body("state", equalTo("PAID")));
    }
}
