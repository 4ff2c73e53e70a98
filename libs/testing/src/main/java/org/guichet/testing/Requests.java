package org.guichet.testing;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * Requests made as somebody: a development token ({@link DevTokens}) for a subject at an institution in some roles.
 * Each service's tests name their usual callers once on top of these ({@code Callers} or {@code Fixtures}).
 */
public final class Requests {
    private Requests() {
    }

    /** The subject at the tenant in these roles, with no body type set. */
    public static RequestSpecification token(String subject, String tenant, String... roles) {
        return given().auth().oauth2(DevTokens.mint(subject, tenant, roles));
    }

    /** The subject at the tenant in these roles, sending JSON. */
    public static RequestSpecification as(String subject, String tenant, String... roles) {
        return token(subject, tenant, roles).contentType(ContentType.JSON);
    }

    /** A person as their identity provider describes them (name, e-mail address, language), sending JSON. */
    public static RequestSpecification asPerson(String subject, String tenant, String name, String email, String locale,
                                                String role) {
        return given().auth().oauth2(DevTokens.mint(subject, tenant, name, email, locale, 3600, role))
                .contentType(ContentType.JSON);
    }
}
