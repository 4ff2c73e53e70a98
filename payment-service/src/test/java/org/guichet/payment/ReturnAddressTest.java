package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import org.guichet.events.EventType;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.testing.TestEvents;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.guichet.payment.Callers.citizen;
import static org.guichet.payment.SandboxPaymentTest.TENANT;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the browser is sent back after paying (M3), and the headers of the public pages (L14). */
@QuarkusTest
class ReturnAddressTest extends PaymentTestResource {

    @Test
    void M3_aDepositReturningToAScriptOrAnotherSiteIsRefused() {
        for (String url : List.of("javascript:document.body.innerHTML='card number?'", "https://evil.example/phish",
                "http://example.org/back", "https://example.org@evil.example/")) {
            citizen("patron-ret-m3").header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("amount", 1000, "returnUrl", url)).post("/deposits")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("returnUrl"));
        }
        assertEquals(0, TestRows.of("payment").scalar("select count(*) from payment where owner = ?", "patron-ret-m3"));
    }

    @Test
    void M3_L14_theReturnPageLinksOnlyToTheInstitutionsPortalAndSendsSecurityHeaders() {
        String stored = checkout("patron-m3b", "javascript:alert(document.domain)");
        given().get("/payments/" + stored + "/return").then().statusCode(200)
                .body(containsString("data-state")).body(not(containsString("id=\"continue\"")))
                .body(not(containsString("javascript:")));

        String portal = checkout("patron-m3c", "https://example.org/back");
        given().get("/payments/" + portal + "/return").then().statusCode(200)
                .body(containsString("id=\"continue\" rel=\"noreferrer\" href=\"https://example.org/back\""))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Referrer-Policy", equalTo("same-origin"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    /** A checkout announced by cart-service with a return address (as one stored before the allow-list). */
    private static String checkout(String patron, String returnUrl) {
        String paymentId = UUID.randomUUID().toString();
        String checkoutId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.CART_CHECKED_OUT, TENANT, checkoutId, new CartCheckedOut(checkoutId,
                new Payer(patron, "Jan Novák", patron + "@example.cz", "cs"), returnUrl,
                List.of(new CartCheckedOut.PaymentRequest(paymentId, "kladno-library", 2000, "CZK", List.of(
                        new PaymentLine(PaymentLine.INVOICE, UUID.randomUUID().toString(), TENANT, "Late fee", 2000))))));
        await().atMost(Duration.ofSeconds(30)).until(() -> citizen(patron).get("/payments/" + paymentId).statusCode() == 200);
        return paymentId;
    }
}
