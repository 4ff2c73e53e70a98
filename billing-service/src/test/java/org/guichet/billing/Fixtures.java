package org.guichet.billing;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.guichet.testing.DevTokens;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Tokens and request bodies the billing tests share. */
final class Fixtures {
    static final String TENANT = "lib-kladno";

    private Fixtures() {
    }

    static RequestSpecification as(String role, String subject) {
        return as(role, subject, TENANT);
    }

    static RequestSpecification as(String role, String subject, String tenant) {
        return given().auth().oauth2(DevTokens.mint(subject, tenant, role)).contentType(ContentType.JSON);
    }

    static Map<String, Object> invoice(String accountId, long amount) {
        return Map.of("accountId", accountId, "amount", amount, "currency", "CZK", "reason", "LATE_FEE",
                "description", "Late fee fixed at day 10",
                "item", Map.of("barcode", "31234000123", "title", "Babička"));
    }

    static String createInvoice(String accountId, long amount) {
        return as("agent", "agent-7").body(invoice(accountId, amount)).post("/invoices")
                .then().statusCode(201).extract().path("id");
    }
}
