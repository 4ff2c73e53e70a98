package org.guichet.cart;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.RequestRefused;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.guichet.testing.MassAssignment;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.path.json.JsonPath.from;
import static org.awaitility.Awaitility.await;
import static org.guichet.cart.Callers.namur;
import static org.guichet.testing.MassAssignment.over;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mass assignment: cart items, checkouts, requests, refusals and the admin's régies and
 * procedures, each sent with forged ids, tenant, owner, payer, state and amounts ({@link MassAssignment}).
 * What is stored and published comes from the token, the payable items and the price list, field by field.
 */
@QuarkusTest
class MassAssignmentTest extends CartTestResource {
    static final String NAMUR = "ville-namur";

    @Test
    void a_checkout_pays_what_the_cart_holds_for_the_token_s_citizen() {
        String payable = CartJourneyTest.invoiceFor("patron-ma1", "kladno-library", 5000);
        String cart = Callers.citizen("patron-ma1").body(over(Map.of("payableId", payable))).post("/cart/items")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(payable))
                .body("items[0].amount", equalTo(5000))
                .body("items[0].status", equalTo("AVAILABLE"))
                .body("totals[0].amount", equalTo(5000))
                .extract().asString();
        MassAssignment.assertNoneEchoed(cart);
        Map<String, Object> item = TestRows.of("cart").one("select tenant, owner, amount, status from payable_item "
                + "where id = ?", UUID.fromString(payable));
        assertEquals("lib-kladno", item.get("tenant"));
        assertEquals("patron-ma1", item.get("owner"));
        assertEquals(5000L, item.get("amount"));

        try (EventTap tap = new EventTap(Topics.CHECKOUTS)) {
            String checkout = Callers.citizen("patron-ma1").header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(over(Map.of("payments", List.of(Map.of("regie", "forged-regie", "amount", 1)))))
                    .post("/cart/checkout").then().statusCode(201)
                    .body("status", equalTo("PENDING"))
                    .body("payments.size()", equalTo(1))
                    .body("payments[0].amount", equalTo(5000))
                    .body("payments[0].regie", equalTo("kladno-library"))
                    .body("payments[0].currency", equalTo("CZK"))
                    .body("payments[0].status", equalTo("PENDING"))
                    .extract().asString();
            MassAssignment.assertNoneEchoed(checkout);
            String id = from(checkout).getString("id");
            ConsumerRecord<String, String> record = tap.await(r -> r.key().equals(id), Duration.ofSeconds(20));
            EventEnvelope envelope = EventJson.read(record.value());
            CartCheckedOut event = envelope.payloadAs(CartCheckedOut.class);
            assertEquals("lib-kladno", envelope.tenant());
            assertEquals("patron-ma1", event.payer().subject());
            assertEquals("Jana Nováková", event.payer().name());
            assertEquals(null, event.returnUrl());
            assertEquals(1, event.payments().size());
            assertEquals(5000, event.payments().get(0).amount());
            assertEquals("kladno-library", event.payments().get(0).regie());
            assertEquals(1, event.payments().get(0).lines().size());
            assertEquals("INVOICE", event.payments().get(0).lines().get(0).kind());
            assertEquals("lib-kladno", event.payments().get(0).lines().get(0).tenant());
            assertEquals(5000, event.payments().get(0).lines().get(0).amount());
            Map<String, Object> row = TestRows.of("cart").one("select tenant, owner, status from checkout where id = ?",
                    UUID.fromString(id));
            assertEquals("lib-kladno", row.get("tenant"));
            assertEquals("patron-ma1", row.get("owner"));
            assertEquals("PENDING", row.get("status"));
        }
    }

    @Test
    void the_admin_s_regie_and_procedure_belong_to_the_admin_s_institution() {
        String regie = namur("admin", "admin-ma").body(over(Map.of("name", "Population", "accountingCode", "70/161-09",
                        "cartMode", "GROUPED", "agents", List.of("ma-population@namur.example"))))
                .put("/regies/ma-population").then().statusCode(200)
                .body("code", equalTo("ma-population"))
                .body("cartMode", equalTo("GROUPED"))
                .extract().asString();
        MassAssignment.assertNoneEchoed(regie);
        assertEquals("Population", TestRows.of("cart").one("select name from regie where tenant = ? and code = 'ma-population'",
                NAMUR).get("name"));
        // another institution's admin naming the same code (and forging the tenant) makes a régie of its own (L11)
        Callers.as("admin", "admin-kl", "lib-kladno")
                .body(over(Map.of("name", "Taken", "cartMode", "SEPARATE", "agents", List.of(), "tenant", NAMUR)))
                .put("/regies/ma-population").then().statusCode(200);
        assertEquals("Taken", TestRows.of("cart").one("select name from regie where tenant = 'lib-kladno' and code = 'ma-population'")
                .get("name"));
        assertEquals("Population", TestRows.of("cart").one("select name from regie where tenant = ? and code = 'ma-population'",
                NAMUR).get("name"));
        namur("admin", "admin-ma").get("/regies").then().statusCode(200)
                .body("find { it.code == 'ma-population' }.name", equalTo("Population"));

        String procedure = namur("admin", "admin-ma").body(over(Map.of("regie", "ma-population", "title", "Certificat",
                        "currency", "EUR", "basePrice", 300, "validFrom", "2026-01-01", "criteria", List.of(Map.of("name",
                                "delivery", "options", Map.of("DIGITAL", 0, "POSTAL", 700))))))
                .put("/procedures/ma-certificate").then().statusCode(200)
                .body("code", equalTo("ma-certificate"))
                .body("regie", equalTo("ma-population"))
                .body("basePrice", equalTo(300))
                .extract().asString();
        MassAssignment.assertNoneEchoed(procedure);
        assertEquals(NAMUR, TestRows.of("cart").one("select tenant from procedure where code = 'ma-certificate'")
                .get("tenant"));
        namur("citizen", "c-ma0").body(over(Map.of("criteria", Map.of("delivery", "POSTAL"))))
                .post("/procedures/ma-certificate/quote").then().statusCode(200).body("amount", equalTo(1000));
    }

    @Test
    void a_request_costs_the_price_list_s_amount_and_its_refusal_is_the_agent_s() {
        the_admin_s_regie_and_procedure_belong_to_the_admin_s_institution();
        String request = namur("citizen", "c-ma1").body(over(Map.of("procedure", "ma-certificate",
                        "criteria", Map.of("delivery", "POSTAL"), "quotedAmount", 1000))).post("/requests").then()
                .statusCode(201)
                .body("owner", equalTo("c-ma1"))
                .body("state", equalTo("AWAITING_PAYMENT"))
                .body("amount", equalTo(1000))
                .body("currency", equalTo("EUR"))
                .body("regie", equalTo("ma-population"))
                .body("paymentId", nullValue())
                .body("refusalReason", nullValue())
                .extract().asString();
        MassAssignment.assertNoneEchoed(request);
        String id = from(request).getString("id");
        Map<String, Object> row = TestRows.of("cart").one("select tenant, owner, state, amount, payment_id from "
                + "procedure_request where id = ?", UUID.fromString(id));
        assertEquals(NAMUR, row.get("tenant"));
        assertEquals("c-ma1", row.get("owner"));
        assertEquals(1000L, row.get("amount"));

        // paid: the checkout's payment settles, the request reaches the agents
        String payable = from(request).getString("payableId");
        namur("citizen", "c-ma1").body(Map.of("payableId", payable)).post("/cart/items").then().statusCode(200);
        String paymentId = namur("citizen", "c-ma1").header("Idempotency-Key", UUID.randomUUID().toString()).body("{}")
                .post("/cart/checkout").then().statusCode(201).extract().path("payments[0].paymentId");
        Events.aPaymentSettled().id(paymentId).regie("ma-population").of(1000, "EUR").by(Events.payer("c-ma1", "fr"))
                .publish(NAMUR);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> namur("agent", "agent-ma").get("/requests").then()
                .body("id", hasItem(id)));

        try (EventTap tap = new EventTap(Topics.REQUESTS)) {
            namur("agent", "agent-ma").body(over(Map.of("reason", "not held here"))).post("/requests/" + id + "/refusal")
                    .then().statusCode(200)
                    .body("state", equalTo("REFUSED"))
                    .body("amount", equalTo(1000))
                    .body("owner", equalTo("c-ma1"))
                    .body("refusalReason", equalTo("not held here"));
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(id)
                    && EventJson.read(x.value()).is(EventType.REQUEST_REFUSED), Duration.ofSeconds(20));
            RequestRefused refused = EventJson.read(r.value()).payloadAs(RequestRefused.class);
            assertEquals(1000, refused.amount());
            assertEquals("EUR", refused.currency());
            assertEquals(paymentId, refused.paymentId());
            assertEquals("agent-ma", refused.refusedBy());
            assertEquals("c-ma1", refused.payer().subject());
            assertEquals(NAMUR, EventJson.read(r.value()).tenant());
        }
    }
}
