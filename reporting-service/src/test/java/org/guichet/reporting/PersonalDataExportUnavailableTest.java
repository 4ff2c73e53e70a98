package org.guichet.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.guichet.testing.infra.InfraPaths;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The personal-data export is whole or refused: a service that does not answer makes it a 503, not a partial file. */
@QuarkusTest
@TestProfile(PersonalDataExportUnavailableTest.CartDown.class)
class PersonalDataExportUnavailableTest extends ReportingTestResource {

    /** cart-service is asked where nothing listens. */
    public static class CartDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.services.cart-url", "http://127.0.0.1:" + InfraPaths.freePort());
        }
    }

    @Test
    void a_service_that_cannot_be_asked_makes_the_export_a_503_problem() {
        Callers.as("admin", "dpo-1", "privacy-export").get("/privacy/subjects/pr-u1/export")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", containsString("cart-unavailable"))
                .header("Content-Disposition", org.hamcrest.Matchers.nullValue());
        // the read model's own part is still there for whoever asks this service alone
        Callers.as("admin", "dpo-1", "privacy-export").get("/privacy/subjects/pr-u1")
                .then().statusCode(200).body("service", equalTo("reporting-service"));
    }
}
