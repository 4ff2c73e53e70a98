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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same bill paid at once at several tills. Billing answers from what it has applied, so
 * every till sees the bill unpaid until billing applies the first payment: the claims let one through.
 */
@QuarkusTest
class CounterRaceTest extends PaymentTestResource {
    static final String TENANT = "lib-kladno";

    static Response pay(String agent, Map<String, Object> body) {
        return Requests.asPerson(agent, TENANT, "Eva Agentová", null, "cs", "agent").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/counter-payments");
    }

    /** Sends {@code count} payments at once, each from its own thread and with its own key. */
    static List<Response> atOnce(int count, Map<String, Object> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String agent = "agent-race-" + i;
                sent.add(pool.submit(() -> {
                    start.await();
                    return pay(agent, body);
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : sent) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertOneTakenAndTheRestRefused(List<Response> answers, String account, long amount) {
        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(answers.size() - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        for (Response r : answers) {
            if (r.statusCode() == 409) {
                assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
                assertEquals(409, r.jsonPath().getInt("status"));
            }
        }
        List<Map<String, Object>> rows = TestRows.of("payment").all(
                "select state, amount from payment where owner = ? and gateway = 'counter'", account);
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("SETTLED", rows.get(0).get("state"));
        assertEquals(amount, rows.get(0).get("amount"));
        assertEquals(0L, TestRows.of("payment").scalar("select count(*) from payment_claim c join payment p "
                + "on p.id = c.payment_id where p.owner = ? and c.live", account));
    }

    @Test
    void CounterRace_twentyConcurrentPaymentsOfOneBillWithDifferentKeysTakeOneAndRefuseNineteen() throws Exception {
        String account = "patron-race-" + UUID.randomUUID();
        String bill = UUID.randomUUID().toString();
        BillingStandIn.answer(account, true, false, 1000, List.of(new BillingStandIn.Bill(bill, "R-1", 1000)));
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            List<Response> answers = atOnce(20, Map.of("accountId", account, "amount", 1000, "mode", "CASH",
                    "tendered", 1000));
            assertOneTakenAndTheRestRefused(answers, account, 1000L);
            // one settlement goes to billing: 10.00 paid, nothing on credit
            java.util.function.Predicate<ConsumerRecord<String, String>> ofAccount = r -> r.value()
                    .contains("\"PaymentSettled\"") && r.value().contains(account);
            tap.await(ofAccount, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> settled = tap.collect(ofAccount, Duration.ofSeconds(3));
            assertEquals(1, settled.size());
            PaymentSettled event = EventJson.read(settled.get(0).value()).payloadAs(PaymentSettled.class);
            assertEquals(1000L, event.amount());
        }
    }

    @Test
    void CounterRace_twentyConcurrentPaymentsOfSelectedBillsTakeOne() throws Exception {
        String account = "patron-race-" + UUID.randomUUID();
        String older = UUID.randomUUID().toString();
        String newer = UUID.randomUUID().toString();
        BillingStandIn.answer(account, true, false, 1500, List.of(new BillingStandIn.Bill(older, "R-2", 1000),
                new BillingStandIn.Bill(newer, "R-3", 500)));
        List<Response> answers = atOnce(20, Map.of("accountId", account, "invoiceIds", List.of(newer),
                "amount", 500, "mode", "CARD_TERMINAL", "reference", "TERM-0001"));
        assertOneTakenAndTheRestRefused(answers, account, 500L);
        // the other bill was not touched: it can be paid
        pay("agent-race-x", Map.of("accountId", account, "invoiceIds", List.of(older), "amount", 1000,
                "mode", "CARD_TERMINAL", "reference", "TERM-0001")).then().statusCode(201);
    }

    @Test
    void CounterRace_aBillPaidInPartIsPaidAgainOnceBillingAppliedTheFirstPayment() {
        String account = "patron-race-" + UUID.randomUUID();
        String bill = UUID.randomUUID().toString();
        BillingStandIn.answer(account, true, false, 1000, List.of(new BillingStandIn.Bill(bill, "R-4", 1000)));
        String first = pay("agent-race-a", Map.of("accountId", account, "amount", 400, "mode", "CARD_TERMINAL", "reference", "TERM-0001"))
                .then().statusCode(201).extract().path("paymentId");
        // billing has not applied it yet: the same bill is in flight, and a deposit is something else
        Response held = pay("agent-race-b", Map.of("accountId", account, "amount", 600, "mode", "CARD_TERMINAL", "reference", "TERM-0001"));
        assertEquals(409, held.statusCode(), held.asString());
        assertTrue(held.contentType().startsWith("application/problem+json"));
        pay("agent-race-b", Map.of("accountId", account, "amount", 600, "mode", "CARD_TERMINAL", "reference", "TERM-0001", "deposit", true))
                .then().statusCode(201);
        // billing applied it: what is left is paid
        BillingStandIn.answer(account, true, false, 600, List.of(new BillingStandIn.Bill(bill, "R-4", 600, List.of(first))));
        pay("agent-race-b", Map.of("accountId", account, "amount", 600, "mode", "CARD_TERMINAL", "reference", "TERM-0001"))
                .then().statusCode(201);
    }

    @Test
    void R8_aCounterPaymentSettledNamesTheAgentAsOperatorAndThePatronAsPayer() {
        String account = "patron-r8-" + UUID.randomUUID();
        String bill = UUID.randomUUID().toString();
        BillingStandIn.answer(account, true, false, 700, List.of(new BillingStandIn.Bill(bill, "R-5", 700)));
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            String id = pay("agent-r8", Map.of("accountId", account, "amount", 700, "mode", "CARD_TERMINAL", "reference", "TERM-0001"))
                    .then().statusCode(201).extract().path("paymentId");
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(id)
                    && x.value().contains("\"PaymentSettled\""), Duration.ofSeconds(30));
            assertEquals(List.of(), EventContract.violations(r.value()));
            PaymentSettled settled = EventJson.read(r.value()).payloadAs(PaymentSettled.class);
            assertEquals("agent-r8", settled.operator());
            assertEquals("Eva Agentová", settled.operatorName());
            assertEquals(account, settled.payer().subject());
        }
    }
}
