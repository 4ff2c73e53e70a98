package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.guichet.billing.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** R24: counter agents find the customer by number, name with *, city, postal code with *, phone. */
@QuarkusTest
class AccountSearchTest extends BillingTestResource {

    static void register(String id, String name, String city, String postal, String phone) {
        Map<String, Object> body = new HashMap<>(Map.of("accountId", id, "name", name, "city", city,
                "postalCode", postal, "phone", phone));
        as("agent", "agent-7").body(body).post("/accounts").then().statusCode(200).body("accountId", equalTo(id));
    }

    private static boolean registered;

    /** Once per class, but after Quarkus has given RestAssured its port (unlike @BeforeAll). */
    @BeforeEach
    void accounts() {
        if (registered) {
            return;
        }
        registered = true;
        register("S-001", "Nováková, Jana", "Kladno", "272 01", "+420 312 345 678");
        register("S-002", "Novák, Petr", "Kladno", "272 04", "312-345-679");
        register("S-003", "Dvořák, Antonín", "Slaný", "274 01", "(312) 999 000");
        register("S-004", "Kovář_100%", "Praha", "110 00", "777 000 111");
    }

    /** Searches with name/value pairs, e.g. found("name", "novak*"). */
    static List<String> found(String... criteria) {
        var request = as("agent", "agent-7");
        for (int i = 0; i < criteria.length; i += 2) {
            request = request.queryParam(criteria[i], criteria[i + 1]);
        }
        return request.get("/accounts").then().statusCode(200).extract().path("accountId");
    }

    @Test
    void R24_by_account_number() {
        assertEquals(List.of("S-003"), found("number", "S-003"));
    }

    @Test
    void R24_by_name_with_wildcards_ignoring_accents_and_case() {
        assertEquals(List.of("S-002", "S-001"), found("name", "novak*"));
        assertEquals(List.of("S-003"), found("name", "*DVORAK*"));
        assertEquals(List.of(), found("name", "Novak"), "without a wildcard the name is matched whole");
        assertEquals(List.of("S-004"), found("name", "kovar_100%"));
        assertEquals(List.of("S-004"), found("name", "kovar_1*"));
        assertEquals(List.of(), found("name", "kovarx100*"));
    }

    @Test
    void R24_by_city_exactly_and_postal_code_with_wildcards() {
        assertEquals(2, found("city", "kladno").size());
        assertEquals(List.of(), found("city", "Klad"));
        assertEquals(2, found("postalCode", "272*").size());
        assertEquals(List.of("S-003"), found("postalCode", "27*", "city", "Slaný"));
    }

    @Test
    void R24_by_phone_digits_only() {
        assertEquals(List.of(), found("phone", "312 345 678"), "the stored number has the country code");
        assertEquals(List.of("S-001"), found("phone", "420-312-345-678"));
        assertEquals(List.of("S-002"), found("phone", "312345679"));
    }

    @Test
    void registering_again_updates_and_search_needs_a_criterion_and_staff() {
        register("S-005", "Svoboda, Karel", "Beroun", "266 01", "311 000 000");
        register("S-005", "Svoboda, Karel", "Kralupy", "278 01", "311 000 000");
        assertEquals(List.of("S-005"), found("number", "S-005", "city", "kralupy"));
        assertEquals(List.of(), found("city", "beroun"));
        as("agent", "agent-7").get("/accounts").then().statusCode(400).contentType("application/problem+json");
        as("agent", "agent-7").get("/accounts?phone=abc").then().statusCode(400);
        as("citizen", "S-001").get("/accounts?name=*").then().statusCode(403);
        as("agent", "agent-namur", "ville-namur").get("/accounts?name=*").then().statusCode(200).body("$", hasSize(0));
        as("agent", "agent-7").body(Map.of("accountId", "S-009", "name", "X", "email", "not-an-email"))
                .post("/accounts").then().statusCode(400).body("errors[0].field", equalTo("email"));
    }
}
