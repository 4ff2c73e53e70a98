package org.guichet.cart;

import io.restassured.specification.RequestSpecification;
import org.guichet.testing.Requests;

/** Who the cart tests call as, in one place: Kladno's citizens, Namur's people, anyone at any institution. */
final class Callers {
    private Callers() {
    }

    /** A citizen of Kladno's library, as its identity provider describes them (Jana Nováková, Czech). */
    static RequestSpecification citizen(String subject) {
        return Requests.asPerson(subject, "lib-kladno", "Jana Nováková", subject + "@example.cz", "cs", "citizen");
    }

    /** Somebody at the town of Namur in this role, named Marie Dubois, French. */
    static RequestSpecification namur(String role, String subject) {
        return namur(role, subject, "Marie Dubois");
    }

    static RequestSpecification namur(String role, String subject, String name) {
        return Requests.asPerson(subject, "ville-namur", name, subject + "@example.be", "fr", role);
    }

    /** A bare token: the subject, the institution, the role. */
    static RequestSpecification as(String role, String subject, String tenant) {
        return Requests.as(subject, tenant, role);
    }
}
