package org.guichet.cart;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.InvoiceCreated;
import org.guichet.events.payload.InvoicePaid;
import org.guichet.events.payload.Payer;
import org.guichet.testing.BillingStandIn;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.guichet.testing.TestEvents;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.guichet.cart.Callers.citizen;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CartJourneyTest extends CartTestResource {
    static final String TENANT = "lib-kladno";

    /** An invoice billing-service would announce; returns the cart's payable id once it is there. */
    static String invoiceFor(String patron, String regie, long amount) {
        String invoiceId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.INVOICE_CREATED, TENANT, invoiceId, new InvoiceCreated(invoiceId,
                "N-" + invoiceId.substring(0, 6), patron, regie, amount, "CZK", "LATE_FEE", "late fee",
                LocalDate.now(), "agent-1"));
        return await().atMost(Duration.ofSeconds(30)).until(() -> citizen(patron).get("/payables").then()
                        .extract().jsonPath().<String>getList("findAll { it.refId == '" + invoiceId + "' }.id"),
                ids -> ids.size() == 1).get(0);
    }

    static String addAndCheckout(String patron, String... payableIds) {
        for (String id : payableIds) {
            citizen(patron).body(Map.of("payableId", id)).post("/cart/items").then().statusCode(200);
        }
        return citizen(patron).header("Idempotency-Key", UUID.randomUUID().toString()).body("{}")
                .post("/cart/checkout").then().statusCode(201).extract().path("id");
    }

    @Test
    void an_invoice_becomes_payable_by_its_account_holder_only() {
        String payable = invoiceFor("patron-c1", "kladno-library", 5000);
        citizen("patron-c1").get("/payables").then().body("id", hasItem(payable));
        citizen("patron-c2").get("/payables").then().body("id", not(hasItem(payable)));
        citizen("patron-c2").body(Map.of("payableId", payable)).post("/cart/items").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void checkout_makes_one_payment_per_regie_never_one_across_regies() {
        String a = invoiceFor("patron-c3", "kladno-library", 5000);
        String b = invoiceFor("patron-c3", "kladno-library", 1500);
        String c = invoiceFor("patron-c3", "kladno-schools", 700);
        for (String id : List.of(a, b, c)) {
            citizen("patron-c3").body(Map.of("payableId", id)).post("/cart/items").then().statusCode(200);
        }
        citizen("patron-c3").get("/cart").then().body("items", hasSize(3))
                .body("totals.find { it.regie == 'kladno-library' }.amount", equalTo(6500))
                .body("totals.find { it.regie == 'kladno-schools' }.amount", equalTo(700));
        try (EventTap tap = new EventTap(Topics.CHECKOUTS)) {
            String checkoutId = citizen("patron-c3").header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("{}").post("/cart/checkout").then().statusCode(201)
                    .body("payments", hasSize(2)).extract().path("id");
            ConsumerRecord<String, String> record = tap.await(r -> r.key().equals(checkoutId), Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(record.value()));
            CartCheckedOut event = EventJson.read(record.value()).payloadAs(CartCheckedOut.class);
            assertEquals(2, event.payments().size());
            assertEquals("Jana Nováková", event.payer().name());
            long total = event.payments().stream().mapToLong(CartCheckedOut.PaymentRequest::amount).sum();
            assertEquals(7200, total, "no cent created or lost by grouping");
            for (CartCheckedOut.PaymentRequest p : event.payments()) {
                assertEquals(1, p.lines().stream().map(l -> p.regie()).distinct().count());
                assertEquals(p.amount(), p.lines().stream().mapToLong(l -> l.amount()).sum());
            }
        }
        citizen("patron-c3").get("/cart").then().body("items", hasSize(0));
        citizen("patron-c3").get("/payables").then().body("id", not(hasItem(a)));
    }

    @Test
    void the_same_idempotency_key_replays_the_first_checkout() {
        String payable = invoiceFor("patron-c4", "kladno-library", 5000);
        citizen("patron-c4").body(Map.of("payableId", payable)).post("/cart/items").then().statusCode(200);
        String key = UUID.randomUUID().toString();
        String first = citizen("patron-c4").header("Idempotency-Key", key).body("{}").post("/cart/checkout")
                .then().statusCode(201).extract().path("id");
        citizen("patron-c4").header("Idempotency-Key", key).body("{}").post("/cart/checkout")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        citizen("patron-c4").header("Idempotency-Key", key).body(Map.of("returnUrl", "https://example.org/back"))
                .post("/cart/checkout").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void R15_an_expired_registration_cannot_check_out_its_bills_and_nothing_is_locked() {
        BillingStandIn.answer("patron-c15", false, false, 5000);
        String payable = invoiceFor("patron-c15", "kladno-library", 5000);
        citizen("patron-c15").body(Map.of("payableId", payable)).post("/cart/items").then().statusCode(200);
        citizen("patron-c15").header("Idempotency-Key", UUID.randomUUID().toString()).body("{}").post("/cart/checkout")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://guichet.org/problems/online-payment-not-allowed"));
        citizen("patron-c15").get("/cart").then().body("items", hasSize(1));
        citizen("patron-c15").get("/payables").then().body("id", hasItem(payable));
    }

    @Test
    void R16_an_account_in_collections_checks_out_all_its_balance_or_nothing() {
        BillingStandIn.answer("patron-c16", true, true, 6500);
        String a = invoiceFor("patron-c16", "kladno-library", 5000);
        String b = invoiceFor("patron-c16", "kladno-library", 1500);
        citizen("patron-c16").body(Map.of("payableId", a)).post("/cart/items").then().statusCode(200);
        citizen("patron-c16").header("Idempotency-Key", UUID.randomUUID().toString()).body("{}").post("/cart/checkout")
                .then().statusCode(422).body("type", equalTo("https://guichet.org/problems/full-balance-only"));
        citizen("patron-c16").body(Map.of("payableId", b)).post("/cart/items").then().statusCode(200);
        citizen("patron-c16").header("Idempotency-Key", UUID.randomUUID().toString()).body("{}").post("/cart/checkout")
                .then().statusCode(201).body("payments[0].amount", equalTo(6500));
    }

    @Test
    void checkout_without_key_or_with_an_empty_cart_is_refused() {
        citizen("patron-c5").body("{}").post("/cart/checkout").then().statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        citizen("patron-c5").header("Idempotency-Key", UUID.randomUUID().toString()).body("{}")
                .post("/cart/checkout").then().statusCode(422).body("type", equalTo("https://guichet.org/problems/cart-empty"));
    }

    @Test
    void an_item_being_paid_cannot_be_put_in_a_cart_again() {
        String payable = invoiceFor("patron-c6", "kladno-library", 5000);
        addAndCheckout("patron-c6", payable);
        citizen("patron-c6").body(Map.of("payableId", payable)).post("/cart/items").then().statusCode(409);
    }

    @Test
    void a_failed_payment_releases_the_items_and_a_settled_one_marks_the_checkout_paid() {
        String failing = invoiceFor("patron-c7", "kladno-library", 5000);
        String checkout = addAndCheckout("patron-c7", failing);
        String paymentId = citizen("patron-c7").get("/checkouts/" + checkout).then().extract().path("payments[0].paymentId");
        Payer payer = Events.payer("patron-c7", "cs");
        Events.aPaymentFailed().id(paymentId).checkout(checkout).of(5000, "CZK").by(payer).publish(TENANT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                citizen("patron-c7").get("/payables").then().body("id", hasItem(failing)));
        citizen("patron-c7").get("/checkouts/" + checkout).then().body("status", equalTo("FAILED"));

        String second = addAndCheckout("patron-c7", failing);
        String secondPayment = citizen("patron-c7").get("/checkouts/" + second).then().extract().path("payments[0].paymentId");
        Events.aPaymentSettled().id(secondPayment).checkout(second).of(5000, "CZK").by(payer).publish(TENANT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                citizen("patron-c7").get("/checkouts/" + second).then().body("status", equalTo("PAID"))
                        .body("payments[0].status", equalTo("SETTLED")));
        citizen("patron-c7").get("/payables").then().body("id", not(hasItem(failing)));
    }

    @Test
    void two_tabs_checking_out_the_same_cart_at_once_make_one_checkout() throws Exception {
        String item = invoiceFor("patron-c12", "kladno-library", 2500);
        citizen("patron-c12").body(Map.of("payableId", item)).post("/cart/items").then().statusCode(200);
        java.util.concurrent.ExecutorService tabs = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(tabs.submit(() -> citizen("patron-c12").header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("{}").post("/cart/checkout").statusCode()));
        }
        List<Integer> codes = new java.util.ArrayList<>();
        for (var a : answers) {
            codes.add(a.get());
        }
        tabs.shutdown();
        org.junit.jupiter.api.Assertions.assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        org.junit.jupiter.api.Assertions.assertTrue(codes.stream().allMatch(c -> c == 201 || c == 409 || c == 422),
                codes.toString());
        citizen("patron-c12").get("/payables").then().body("id", not(hasItem(item)));
    }

    @Test
    void an_expired_payment_releases_its_items_too() {
        String item = invoiceFor("patron-c11", "kladno-library", 3000);
        String checkout = addAndCheckout("patron-c11", item);
        String paymentId = citizen("patron-c11").get("/checkouts/" + checkout).then().extract().path("payments[0].paymentId");
        Events.aPaymentFailed().id(paymentId).checkout(checkout).of(3000, "CZK").expired("no answer within 30 minutes")
                .by(Events.payer("patron-c11", "cs")).publish(TENANT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                citizen("patron-c11").get("/payables").then().body("id", hasItem(item)));
        citizen("patron-c11").get("/checkouts/" + checkout).then().body("status", equalTo("FAILED"));
    }

    @Test
    void a_cancelled_invoice_is_withdrawn_and_a_partly_waived_one_costs_what_is_left() {
        String cancelled = invoiceFor("patron-c10", "kladno-library", 5000);
        String waived = invoiceFor("patron-c10", "kladno-library", 4000);
        String cancelledRef = citizen("patron-c10").get("/payables").then().extract()
                .path("find { it.id == '" + cancelled + "' }.refId");
        String waivedRef = citizen("patron-c10").get("/payables").then().extract()
                .path("find { it.id == '" + waived + "' }.refId");
        TestEvents.publish(EventType.INVOICE_CANCELLED, TENANT, cancelledRef,
                new org.guichet.events.payload.InvoiceCancelled(cancelledRef, "patron-c10", 5000, "CZK", "agent-1", "mistake"));
        TestEvents.publish(EventType.INVOICE_WAIVED, TENANT, waivedRef,
                new org.guichet.events.payload.InvoiceWaived(waivedRef, "patron-c10", 1500, 2500, "CZK", "sup-1", null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> citizen("patron-c10").get("/payables").then()
                .body("id", not(hasItem(cancelled)))
                .body("find { it.id == '" + waived + "' }.amount", equalTo(2500)));
    }

    /**
     * Found by the end-to-end money invariants: bills paid at the counter or from credit stayed on offer for
     * their first amount, and one paid while its online payment was pending came back when that failed.
     */
    @Test
    void a_bill_paid_another_way_is_offered_for_what_it_still_owes_and_not_again_once_paid() {
        String part = invoiceFor("patron-c13", "kladno-library", 5000);
        String whole = invoiceFor("patron-c13", "kladno-library", 3000);
        String held = invoiceFor("patron-c13", "kladno-library", 2000);
        Map<String, String> refs = Map.of(part, refOf("patron-c13", part), whole, refOf("patron-c13", whole),
                held, refOf("patron-c13", held));
        String checkout = addAndCheckout("patron-c13", held);
        String paymentId = citizen("patron-c13").get("/checkouts/" + checkout).then().extract().path("payments[0].paymentId");

        // meanwhile an agent takes cash: part of one bill, all of another, and all of the one being paid online
        TestEvents.publish(EventType.INVOICE_PAID, TENANT, refs.get(part), new InvoicePaid(refs.get(part), "patron-c13",
                "counter-1", 1200, 3800, "CZK", false));
        TestEvents.publish(EventType.INVOICE_PAID, TENANT, refs.get(whole), new InvoicePaid(refs.get(whole), "patron-c13",
                "counter-1", 3000, 0, "CZK", true));
        TestEvents.publish(EventType.INVOICE_PAID, TENANT, refs.get(held), new InvoicePaid(refs.get(held), "patron-c13",
                "counter-1", 2000, 0, "CZK", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> itemStatus(refs.get(held)).equals("WITHDRAWN"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> citizen("patron-c13").get("/payables").then()
                .body("id", not(hasItem(whole)))
                .body("find { it.id == '" + part + "' }.amount", equalTo(3800)));

        // the online payment fails: it releases nothing, the bill owes nothing any more
        Events.aPaymentFailed().id(paymentId).checkout(checkout).of(2000, "CZK").by(Events.payer("patron-c13", "cs"))
                .publish(TENANT);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                citizen("patron-c13").get("/checkouts/" + checkout).then().body("status", equalTo("FAILED")));
        assertEquals("WITHDRAWN", itemStatus(refs.get(held)));
        citizen("patron-c13").get("/payables").then().body("id", not(hasItem(held))).body("id", not(hasItem(whole)));
    }

    /** The checkout tells payment-service which payments billing had applied to each bill it priced. */
    @Test
    void a_checkout_names_the_payments_billing_had_applied_to_its_bills() {
        String paid = invoiceFor("patron-c19", "kladno-library", 5000);
        String fresh = invoiceFor("patron-c19", "kladno-library", 700);
        String bill = refOf("patron-c19", paid);
        String freshBill = refOf("patron-c19", fresh);
        String counter = UUID.randomUUID().toString();
        TestEvents.publish(EventType.INVOICE_PAID, TENANT, bill, new InvoicePaid(bill, "patron-c19", counter, 1200, 3800,
                "CZK", false));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> citizen("patron-c19").get("/payables").then()
                .body("find { it.id == '" + paid + "' }.amount", equalTo(3800)));
        try (EventTap tap = new EventTap(Topics.CHECKOUTS)) {
            String checkoutId = addAndCheckout("patron-c19", paid, fresh);
            ConsumerRecord<String, String> record = tap.await(r -> r.key().equals(checkoutId), Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(record.value()));
            CartCheckedOut.PaymentRequest request = EventJson.read(record.value()).payloadAs(CartCheckedOut.class)
                    .payments().get(0);
            assertEquals(4500, request.amount());
            assertEquals(Map.of(bill, List.of(counter), freshBill, List.of()), request.appliedPayments());
        }
    }

    static String refOf(String patron, String payableId) {
        return citizen(patron).get("/payables").then().extract().path("find { it.id == '" + payableId + "' }.refId");
    }

    /** The item's status as stored (an item being paid is not among the payables). */
    static String itemStatus(String invoiceId) {
        return (String) TestRows.of("cart").one("select status from payable_item where kind = 'INVOICE' and ref_id = ?",
                invoiceId).get("status");
    }

    @Test
    void another_citizen_s_checkout_is_404() {
        String payable = invoiceFor("patron-c8", "kladno-library", 100);
        String checkout = addAndCheckout("patron-c8", payable);
        citizen("patron-c9").get("/checkouts/" + checkout).then().statusCode(404);
        given().get("/cart").then().statusCode(401);
    }
}
