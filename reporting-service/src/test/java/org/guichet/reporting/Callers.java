package org.guichet.reporting;

import io.restassured.specification.RequestSpecification;
import org.guichet.testing.Requests;

/** Who the reporting tests call as, in one place. */
final class Callers {
    private Callers() {
    }

    /** Namur's finance officer. */
    static RequestSpecification finance() {
        return as("finance", "finance-1", TransactionReadModelTest.TENANT);
    }

    /** A bare token: the subject, the institution, the role. */
    static RequestSpecification as(String role, String subject, String tenant) {
        return Requests.token(subject, tenant, role);
    }
}
