package org.guichet.payment;

import io.restassured.specification.RequestSpecification;
import org.guichet.testing.Requests;

/** Who the payment tests call as, in one place. */
public final class Callers {
    static final String TENANT = "lib-kladno";

    private Callers() {
    }

    /** A citizen of Kladno's library. */
    public static RequestSpecification citizen(String subject) {
        return as("citizen", subject, TENANT);
    }

    /** Kladno's finance officer. */
    public static RequestSpecification finance() {
        return as("finance", "finance-1", TENANT);
    }

    /** A bare token: the subject, the institution, the role. */
    public static RequestSpecification as(String role, String subject, String tenant) {
        return Requests.as(subject, tenant, role);
    }
}
