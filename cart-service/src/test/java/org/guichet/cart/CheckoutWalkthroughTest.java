package org.guichet.cart;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.guichet.events.payload.Payer;
import org.guichet.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.guichet.cart.Callers.citizen;
import static org.guichet.cart.CartJourneyTest.TENANT;
import static org.guichet.cart.CartJourneyTest.invoiceFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * R20: a three-régie checkout is walked through payment by payment ({@code next}), is partly paid
 * when one fails, and its failed part is paid later; a cart left alone expires (here after 3 s).
 */
@QuarkusTest
@TestProfile(CheckoutWalkthroughTest.ShortCarts.class)
class CheckoutWalkthroughTest extends CartTestResource {

    public static class ShortCarts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.cart.expire-after", "PT3S");
        }
    }

    static void settle(String patron, String checkout, String paymentId, long amount, boolean paid) {
        Payer payer = Events.payer(patron, "cs");
        if (paid) {
            Events.aPaymentSettled().id(paymentId).checkout(checkout).regie("x").of(amount, "CZK").by(payer).publish(TENANT);
        } else {
            Events.aPaymentFailed().id(paymentId).checkout(checkout).regie("x").of(amount, "CZK").by(payer).publish(TENANT);
        }
    }

    static String checkoutNow(String patron, String... payables) {
        for (String id : payables) {
            citizen(patron).body(Map.of("payableId", id)).post("/cart/items").then().statusCode(200);
        }
        return citizen(patron).header("Idempotency-Key", UUID.randomUUID().toString()).body("{}")
                .post("/cart/checkout").then().statusCode(201).extract().path("id");
    }

    @Test
    void a_three_regie_checkout_is_paid_in_turn_partly_and_its_failed_part_later() {
        String library = invoiceFor("patron-w1", "kladno-library", 5000);
        String schools = invoiceFor("patron-w1", "kladno-schools", 1200);
        String sport = invoiceFor("patron-w1", "kladno-sport", 800);
        String checkout = checkoutNow("patron-w1", library, schools, sport);
        var view = citizen("patron-w1").get("/checkouts/" + checkout).then().body("payments", hasSize(3))
                .body("next.regie", equalTo("kladno-library")).extract();
        String first = view.path("payments[0].paymentId");
        String second = view.path("payments[1].paymentId");
        String third = view.path("payments[2].paymentId");

        settle("patron-w1", checkout, first, 5000, true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> citizen("patron-w1").get("/checkouts/" + checkout)
                .then().body("status", equalTo("PARTIALLY_PAID")).body("next.paymentId", equalTo(second)));
        settle("patron-w1", checkout, second, 1200, false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> citizen("patron-w1").get("/checkouts/" + checkout)
                .then().body("next.paymentId", equalTo(third)));
        citizen("patron-w1").get("/payables").then().body("find { it.id == '" + schools + "' }.status",
                equalTo("AVAILABLE"));
        settle("patron-w1", checkout, third, 800, true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> citizen("patron-w1").get("/checkouts/" + checkout)
                .then().body("status", equalTo("PARTIALLY_PAID")).body("next", nullValue()));

        // the part that failed is paid later, in a checkout of its own
        String later = checkoutNow("patron-w1", schools);
        String payment = citizen("patron-w1").get("/checkouts/" + later).then().extract().path("next.paymentId");
        settle("patron-w1", later, payment, 1200, true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> citizen("patron-w1").get("/checkouts/" + later)
                .then().body("status", equalTo("PAID")));
        citizen("patron-w1").get("/payables").then().body("id", org.hamcrest.Matchers.not(hasItem(schools)));
    }

    @Test
    void a_cart_left_alone_expires_and_its_items_stay_payable() throws Exception {
        String item = invoiceFor("patron-w2", "kladno-library", 900);
        citizen("patron-w2").body(Map.of("payableId", item)).post("/cart/items").then().statusCode(200);
        // on purpose: the cart must outlive its 3 s (expire-after above); polling would check out before it expires
        Thread.sleep(3500);
        citizen("patron-w2").header("Idempotency-Key", UUID.randomUUID().toString()).body("{}")
                .post("/cart/checkout").then().statusCode(422).body("type", equalTo("https://guichet.org/problems/cart-expired"));
        citizen("patron-w2").get("/cart").then().body("items", hasSize(0));
        citizen("patron-w2").get("/payables").then().body("id", hasItem(item))
                .body("find { it.id == '" + item + "' }.status", equalTo("AVAILABLE"));
        citizen("patron-w2").body(Map.of("payableId", item)).post("/cart/items").then().statusCode(200)
                .body("items", hasSize(1));
    }
}
