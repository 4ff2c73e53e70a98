package org.guichet.payment.counter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.Topics;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.payment.PaymentTestResource;
import org.guichet.testing.BillingStandIn;
import org.guichet.testing.EventTap;
import org.guichet.testing.Requests;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * R4: the counter takes the modes the account's institution configures (billing's answer: here the stand-in's
 * CASH, CHEQUE, CARD_TERMINAL, BANK_TRANSFER and VOUCHER), each with the fields its kind needs.
 */
@QuarkusTest
class CounterModesTest extends PaymentTestResource {
    static final String TENANT = "lib-kladno";

    static Response pay(Map<String, Object> body) {
        return Requests.as("agent-modes", TENANT, "agent").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/counter-payments");
    }

    static String account(long owes) {
        String account = "patron-modes-" + UUID.randomUUID();
        BillingStandIn.answer(account, true, false, owes, List.of(new BillingStandIn.Bill(UUID.randomUUID().toString(),
                "M-1", owes)));
        return account;
    }

    @Test
    void R4_a_bank_transfer_configured_by_the_institution_is_taken_with_its_reference_which_the_receipt_shows() {
        String account = account(1200);
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            String id = pay(Map.of("accountId", account, "amount", 1200, "mode", "BANK_TRANSFER",
                    "reference", " VS 20260042 ")).then().statusCode(201)
                    .body("mode", equalTo("BANK_TRANSFER")).body("modeLabel", equalTo("Bankovní převod"))
                    .body("modeReference", equalTo("VS 20260042")).body("tendered", nullValue())
                    .extract().path("paymentId");
            Map<String, Object> row = TestRows.of("payment").one(
                    "select mode, counter_reference, cheque_number from payment where id = ?::uuid", id);
            assertEquals("BANK_TRANSFER", row.get("mode"));
            assertEquals("VS 20260042", row.get("counter_reference"));
            assertEquals(null, row.get("cheque_number"));

            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(id)
                    && x.value().contains("\"PaymentSettled\""), Duration.ofSeconds(30));
            assertEquals(List.of(), EventContract.violations(r.value()), "a configured mode honours PaymentSettled");
            PaymentSettled settled = EventJson.read(r.value()).payloadAs(PaymentSettled.class);
            assertEquals("BANK_TRANSFER", settled.mode());
            assertEquals("VS 20260042", settled.gatewayReference(), "what the receipt prints beside the mode");
        }
    }

    @Test
    void R4_the_card_terminal_needs_its_ticket_and_a_voucher_may_go_without_its_reference() {
        String account = account(1000);
        pay(Map.of("accountId", account, "amount", 400, "mode", "CARD_TERMINAL")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reference"));
        pay(Map.of("accountId", account, "amount", 400, "mode", "CARD_TERMINAL", "reference", "TERM-000731"))
                .then().statusCode(201).body("modeReference", equalTo("TERM-000731"))
                .body("modeLabel", equalTo("Platební terminál"));
        pay(Map.of("accountId", account(500), "amount", 500, "mode", "VOUCHER")).then().statusCode(201)
                .body("modeReference", nullValue());
    }

    @Test
    void R4_a_mode_the_institution_does_not_configure_and_a_mode_without_its_fields_are_refused_and_take_nothing() {
        String account = account(1000);
        pay(Map.of("accountId", account, "amount", 400, "mode", "BITCOIN", "reference", "x")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("mode"))
                .body("errors[0].message", equalTo("must be one of [CASH, CHEQUE, CARD_TERMINAL, BANK_TRANSFER, VOUCHER]"));
        pay(Map.of("accountId", account, "amount", 400, "mode", "CHEQUE")).then().statusCode(400)
                .body("errors[0].field", equalTo("cheque"));
        pay(Map.of("accountId", account, "amount", 400, "mode", "CASH", "tendered", 300)).then().statusCode(400)
                .body("errors[0].field", equalTo("tendered"));
        assertEquals(0L, TestRows.of("payment").scalar("select count(*) from payment where owner = ?", account));
    }
}
