package org.guichet.cart;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.testing.BillingStandIn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.guichet.cart.Callers.citizen;
import static org.guichet.cart.CartJourneyTest.invoiceFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** A checkout sends the browser back only to the institution's portal (M3); its key is scoped by tenant (L8). */
@QuarkusTest
class ReturnAddressTest extends CartTestResource {

    @Test
    void M3_aCheckoutReturningToAnotherSiteOrAScriptIsRefusedAndLocksNothing() {
        BillingStandIn.answer("patron-m3", true, false, 5000);
        String payable = invoiceFor("patron-m3", "kladno-library", 5000);
        citizen("patron-m3").body(Map.of("payableId", payable)).post("/cart/items").then().statusCode(200);
        for (String url : List.of("https://evil.example/back", "javascript:alert(1)", "http://example.org/back")) {
            citizen("patron-m3").header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("returnUrl", url))
                    .post("/cart/checkout").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("returnUrl"));
        }
        // still in the cart, nothing locked: the institution's own portal is accepted
        citizen("patron-m3").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("returnUrl", "https://example.org/back")).post("/cart/checkout").then().statusCode(201);
    }

    @Test
    void L8_theCheckoutKeyOfOneInstitutionsUserIsNotReplayedToAnothersWithTheSameSubject() {
        String key = UUID.randomUUID().toString();
        BillingStandIn.answer("patron-l8", true, false, 5000);
        String payable = invoiceFor("patron-l8", "kladno-library", 5000);
        citizen("patron-l8").body(Map.of("payableId", payable)).post("/cart/items").then().statusCode(200);
        String first = citizen("patron-l8").header("Idempotency-Key", key).body("{}").post("/cart/checkout")
                .then().statusCode(201).extract().path("id");
        // the same subject at another institution (a second identity provider): its own, empty cart
        Callers.as("citizen", "patron-l8", "ville-namur")
                .header("Idempotency-Key", key).body("{}").post("/cart/checkout")
                .then().statusCode(422).contentType("application/problem+json").body("id", not(equalTo(first)));
    }
}
