package org.guichet.billing;

import io.restassured.specification.RequestSpecification;
import org.guichet.testing.Requests;

import java.util.Map;


/** Tokens and request bodies the billing tests share. */
public final class Fixtures {
    static final String TENANT = "lib-kladno";

    private Fixtures() {
    }

    static RequestSpecification as(String role, String subject) {
        return as(role, subject, TENANT);
    }

    public static RequestSpecification as(String role, String subject, String tenant) {
        return Requests.as(subject, tenant, role);
    }

    /** Whoever holds this role at the institution ({@code agent-1}, {@code citizen-1}, ...). */
    public static RequestSpecification someone(String role, String tenant) {
        return as(role, role + "-1", tenant);
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
