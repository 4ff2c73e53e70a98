package org.guichet.cart;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.RequestReady;
import org.guichet.events.payload.RequestRefused;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.guichet.cart.Callers.namur;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * R19–R22 through the e-counter: the admin sets up régies and a priced procedure; the citizen is
 * quoted, submits, finds it in the cart; agents see it only once paid (RequestReady names them);
 * a refusal tells the citizen why and asks for the refund (RequestRefused).
 */
@QuarkusTest
class ProcedureRequestsTest extends CartTestResource {
    static final String TENANT = "ville-namur";

    /** Idempotent (PUTs): run before each test, when the application listens. */
    @BeforeEach
    void catalogue() {
        namur("admin", "admin-1").body(Map.of("name", "État civil", "accountingCode", "70/161-01", "cartMode", "GROUPED",
                "agents", List.of("etat-civil@namur.example"))).put("/regies/namur-etat-civil").then().statusCode(200);
        namur("admin", "admin-1").body(Map.of("name", "Population", "accountingCode", "70/161-02", "cartMode", "SEPARATE",
                "agents", List.of("population@namur.example"))).put("/regies/namur-population").then().statusCode(200);
        namur("admin", "admin-1").body(Map.of("regie", "namur-etat-civil", "title", "Copie d'acte de naissance",
                "currency", "EUR", "basePrice", 0, "validFrom", "2026-01-01", "criteria", List.of(
                        Map.of("name", "reason", "options", Map.of("EMPLOYMENT", 0, "FAMILY_ALLOWANCE", 500)),
                        Map.of("name", "delivery", "options", Map.of("DIGITAL", 0, "POSTAL", 700)))))
                .put("/procedures/birth-certificate").then().statusCode(200);
        namur("admin", "admin-1").body(Map.of("regie", "namur-population", "title", "Composition de ménage",
                "currency", "EUR", "basePrice", 300, "validFrom", "2026-01-01", "criteria", List.of()))
                .put("/procedures/household").then().statusCode(200);
    }

    @Test
    void H3_L12_a_made_up_currency_or_an_amount_beyond_the_maximum_is_refused_at_the_edge() {
        long tooMuch = org.guichet.platform.money.Money.MAX_AMOUNT + 1;
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("currency", "abc", "basePrice", 100, "criteria", List.of()),
                Map.of("currency", "ABC", "basePrice", 100, "criteria", List.of()),
                Map.of("currency", "EUR", "basePrice", tooMuch, "criteria", List.of()),
                Map.of("currency", "EUR", "basePrice", 0, "criteria", List.of(Map.of("name", "speed",
                        "options", Map.of("FAST", tooMuch)))),
                // L13: the title goes into email subjects
                Map.of("currency", "EUR", "basePrice", 0, "criteria", List.of(), "title", "H3\rBcc: x@evil.example"))) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("regie", "namur-etat-civil", "title", "H3",
                    "validFrom", "2026-01-01"));
            body.putAll(bad);
            namur("admin", "admin-1").body(body).put("/procedures/h3-poison").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        namur("citizen", "c0").get("/procedures").then().statusCode(200).body("code", not(hasItem("h3-poison")));
        namur("citizen", "c0").body(Map.of("procedure", "household", "quotedAmount", tooMuch)).post("/requests")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void only_admin_sets_up_regies_and_procedures_and_bad_definitions_are_refused() {
        namur("agent", "a").body(Map.of("name", "X", "cartMode", "GROUPED", "agents", List.of()))
                .put("/regies/x-regie").then().statusCode(403);
        namur("admin", "admin-1").body(Map.of("name", "X", "cartMode", "SOMETIMES", "agents", List.of()))
                .put("/regies/x-regie").then().statusCode(400);
        namur("admin", "admin-1").body(Map.of("regie", "no-such-regie", "title", "T", "currency", "EUR", "basePrice", 0,
                "validFrom", "2026-01-01", "criteria", List.of())).put("/procedures/t").then().statusCode(400);
        namur("admin", "admin-1").body(Map.of("regie", "namur-etat-civil", "title", "T", "currency", "EUR",
                "basePrice", -1, "validFrom", "2026-01-01", "criteria", List.of())).put("/procedures/t").then()
                .statusCode(400).contentType("application/problem+json");
        namur("citizen", "c0").get("/procedures").then().statusCode(200).body("code", hasItem("birth-certificate"))
                .body("code", not(hasItem("t")));
    }

    @Test
    void the_citizen_is_quoted_submits_and_agents_see_the_request_only_once_paid() {
        namur("citizen", "c1").body(Map.of("criteria", Map.of("reason", "FAMILY_ALLOWANCE", "delivery", "POSTAL")))
                .post("/procedures/birth-certificate/quote").then().statusCode(200).body("amount", equalTo(1200));
        namur("citizen", "c1").body(Map.of("criteria", Map.of("reason", "TOURISM", "delivery", "POSTAL")))
                .post("/procedures/birth-certificate/quote").then().statusCode(400)
                .body("errors[0].field", equalTo("criteria.reason"));
        namur("citizen", "c1").body(Map.of("criteria", Map.of())).post("/procedures/no-such/quote").then().statusCode(404);
        // a price that is not the current one is refused, not silently charged
        namur("citizen", "c1").body(Map.of("procedure", "birth-certificate", "quotedAmount", 500,
                "criteria", Map.of("reason", "FAMILY_ALLOWANCE", "delivery", "POSTAL"))).post("/requests").then()
                .statusCode(409).body("type", equalTo("https://guichet.org/problems/price-changed"));
        namur("citizen", "c1").get("/requests/mine").then().body("$", hasSize(0));

        String request = namur("citizen", "c1").body(Map.of("procedure", "birth-certificate", "quotedAmount", 1200,
                        "criteria", Map.of("reason", "FAMILY_ALLOWANCE", "delivery", "POSTAL"))).post("/requests").then()
                .statusCode(201).body("state", equalTo("AWAITING_PAYMENT")).extract().path("id");
        namur("citizen", "c1").get("/cart").then().body("items.refId", hasItem(request));
        namur("agent", "agent-ec").get("/requests").then().statusCode(200).body("id", not(hasItem(request)));
        namur("citizen", "c2").get("/requests/mine").then().body("id", not(hasItem(request)));

        String checkout = namur("citizen", "c1").header("Idempotency-Key", UUID.randomUUID().toString()).body("{}")
                .post("/cart/checkout").then().statusCode(201).extract().path("id");
        String paymentId = namur("citizen", "c1").get("/checkouts/" + checkout).then().extract().path("payments[0].paymentId");
        try (EventTap tap = new EventTap(Topics.REQUESTS)) {
            Events.aPaymentSettled().id(paymentId).reference("NAMUR-1").checkout(checkout).regie("namur-etat-civil")
                    .of(1200, "EUR").through("mollie", "tr_1").by(new Payer("c1", "Marie Dubois", "c1@example.be", "fr"))
                    .publish(TENANT);
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(request), Duration.ofSeconds(30));
            assertEquals(List.of(), EventContract.violations(r.value()));
            RequestReady ready = EventJson.read(r.value()).payloadAs(RequestReady.class);
            assertEquals(List.of("etat-civil@namur.example"), ready.agents());
            assertEquals(paymentId, ready.paymentId());
            assertEquals("POSTAL", ready.criteria().get("delivery"));
        }
        namur("agent", "agent-ec").get("/requests?regie=namur-etat-civil").then().body("id", hasItem(request))
                .body("find { it.id == '" + request + "' }.state", equalTo("TO_PROCESS"));

        // refusal: a reason is required; then RequestRefused carries what was paid, for the refund
        namur("agent", "agent-ec").body(Map.of("reason", " ")).post("/requests/" + request + "/refusal").then()
                .statusCode(400);
        namur("citizen", "c1").body(Map.of("reason", "no")).post("/requests/" + request + "/refusal").then()
                .statusCode(403);
        try (EventTap tap = new EventTap(Topics.REQUESTS)) {
            namur("agent", "agent-ec").body(Map.of("reason", "L'acte n'est pas détenu par la Ville"))
                    .post("/requests/" + request + "/refusal").then().statusCode(200).body("state", equalTo("REFUSED"));
            RequestRefused refused = EventJson.read(tap.await(x -> x.key().equals(request)
                            && EventJson.read(x.value()).is(EventType.REQUEST_REFUSED), Duration.ofSeconds(30)).value())
                    .payloadAs(RequestRefused.class);
            assertEquals(1200, refused.amount());
            assertEquals(paymentId, refused.paymentId());
            assertEquals("c1@example.be", refused.payer().email());
        }
        namur("agent", "agent-ec").body(Map.of("reason", "again")).post("/requests/" + request + "/refusal").then()
                .statusCode(409);
        namur("citizen", "c1").get("/requests/mine").then().body("find { it.id == '" + request + "' }.refusalReason",
                equalTo("L'acte n'est pas détenu par la Ville"));
    }

    @Test
    void a_free_request_goes_straight_to_the_agents() {
        try (EventTap tap = new EventTap(Topics.REQUESTS)) {
            String request = namur("citizen", "c3").body(Map.of("procedure", "birth-certificate", "quotedAmount", 0,
                            "criteria", Map.of("reason", "EMPLOYMENT", "delivery", "DIGITAL"))).post("/requests").then()
                    .statusCode(201).body("state", equalTo("TO_PROCESS")).extract().path("id");
            RequestReady ready = EventJson.read(tap.await(x -> x.key().equals(request), Duration.ofSeconds(30)).value())
                    .payloadAs(RequestReady.class);
            assertEquals(0, ready.amount());
            assertEquals(null, ready.paymentId());
            namur("citizen", "c3").get("/cart").then().body("items.refId", not(hasItem(request)));
        }
    }

    @Test
    void a_separate_mode_regie_gets_one_payment_per_item_and_never_one_across_regies() {
        String a = namur("citizen", "c4").body(Map.of("procedure", "household", "quotedAmount", 300, "criteria", Map.of()))
                .post("/requests").then().statusCode(201).extract().path("id");
        String b = namur("citizen", "c4").body(Map.of("procedure", "household", "quotedAmount", 300, "criteria", Map.of()))
                .post("/requests").then().statusCode(201).extract().path("id");
        String c = namur("citizen", "c4").body(Map.of("procedure", "birth-certificate", "quotedAmount", 700,
                "criteria", Map.of("reason", "EMPLOYMENT", "delivery", "POSTAL"))).post("/requests").then()
                .statusCode(201).extract().path("id");
        String checkout;
        try (EventTap tap = new EventTap(Topics.CHECKOUTS)) {
            checkout = namur("citizen", "c4").header("Idempotency-Key", UUID.randomUUID().toString()).body("{}")
                    .post("/cart/checkout").then().statusCode(201).extract().path("id");
            String key = checkout;
            org.guichet.events.payload.CartCheckedOut event = EventJson.read(tap.await(x -> x.key().equals(key),
                    Duration.ofSeconds(30)).value()).payloadAs(org.guichet.events.payload.CartCheckedOut.class);
            assertEquals(List.of("70/161-02", "70/161-02", "70/161-01"), event.payments().stream()
                    .map(org.guichet.events.payload.CartCheckedOut.PaymentRequest::accountingCode).sorted(
                            java.util.Comparator.reverseOrder()).toList(), "each payment carries its régie's accounting code");
        }
        namur("citizen", "c4").get("/checkouts/" + checkout).then().body("payments", hasSize(3))
                .body("payments.findAll { it.regie == 'namur-population' }.amount", equalTo(List.of(300, 300)))
                .body("payments.findAll { it.regie == 'namur-etat-civil' }.amount", equalTo(List.of(700)));
        assertEquals(3, List.of(a, b, c).size());
    }

    @Test
    void L11_another_institution_naming_a_regie_code_takes_nothing_from_its_owner() {
        // lib-kladno's admin uses Namur's code for a régie of its own
        Callers.as("admin", "admin-k", "lib-kladno")
                .body(Map.of("name", "Squatter", "cartMode", "SEPARATE", "agents", List.of("squatter@kladno.example")))
                .put("/regies/namur-etat-civil").then().statusCode(200);
        // Namur's own is untouched and still Namur's to change
        namur("admin", "admin-1").get("/regies").then().statusCode(200)
                .body("find { it.code == 'namur-etat-civil' }.name", equalTo("État civil"))
                .body("find { it.code == 'namur-etat-civil' }.cartMode", equalTo("GROUPED"));
        namur("admin", "admin-1").body(Map.of("name", "État civil", "accountingCode", "70/161-01", "cartMode", "GROUPED",
                "agents", List.of("etat-civil@namur.example"))).put("/regies/namur-etat-civil").then().statusCode(200);
        Callers.as("admin", "admin-k", "lib-kladno").get("/regies").then()
                .body("find { it.code == 'namur-etat-civil' }.name", equalTo("Squatter"));
    }
}
