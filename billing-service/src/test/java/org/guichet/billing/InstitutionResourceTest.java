package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.guichet.billing.Fixtures.someone;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The staff desk learns the caller's institution from billing: its name, how it writes amounts, how it takes money. */
@QuarkusTest
class InstitutionResourceTest extends BillingTestResource {

    @Test
    void staff_see_their_own_institution_by_name_with_its_zone_locale_and_payment_modes() {
        someone("agent", "lib-kladno").get("/institution").then().statusCode(200)
                .body("code", equalTo("lib-kladno"))
                .body("name", equalTo("Městská knihovna Kladno"))
                .body("currency", equalTo("CZK"))
                .body("timeZone", equalTo("Europe/Prague"))
                .body("locale", equalTo("cs-CZ"))
                .body("paymentModes", hasItems("CASH", "CHEQUE", "BANK_TRANSFER"))
                .body("modes.find { it.code == 'BANK_TRANSFER' }.kind", equalTo("REFERENCE"))
                .body("modes.find { it.code == 'CASH' }.kind", equalTo("CASH"))
                .body("acceptsPaymentsFrom", hasItems("lib-slany"));
        someone("finance", "ville-namur").get("/institution").then().statusCode(200)
                .body("name", equalTo("Ville de Namur")).body("currency", equalTo("EUR"))
                .body("timeZone", equalTo("Europe/Brussels")).body("locale", equalTo("fr-BE"));
    }

    @Test
    void citizens_do_not_read_the_institution_settings() {
        someone("citizen", "lib-kladno").get("/institution").then().statusCode(403);
    }
}
