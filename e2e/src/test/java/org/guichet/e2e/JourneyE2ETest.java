package org.guichet.e2e;

import org.guichet.testing.PrometheusText;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite started as a user starts it (the launcher, the built jars, real PostgreSQL, Kafka and
 * SMTP, Keycloak), on its own ports and databases (GUICHET_ENV=e2e, shared with the invariants: {@link E2eSuite}),
 * driven through the citizen journey.
 */
@ExtendWith(E2eSuite.class)
@Order(2)
class JourneyE2ETest {
    static final int OFFSET = E2eSuite.OFFSET;
    static final List<String> OUTPUT = new ArrayList<>();

    @Test
    void the_citizen_journey_goes_through_all_five_services_then_the_counter_and_refunds() {
        // the walking skeleton's journey on tokens Keycloak issued (the rest on the development key's)
        Identities keycloak = new KeycloakIdentities("http://127.0.0.1:" + (8180 + OFFSET), "admin", "admin");
        Journey.Result result = new Journey(SuiteUrls.withOffset(OFFSET), line -> {
            System.out.println(line);
            OUTPUT.add(line);
        }, keycloak).run();
        assertTrue(result.reference().startsWith("KLADNO-LIBRARY-"));
        assertEquals(7, OUTPUT.size(), "every step reported");
        // cart asked billing on the citizen's behalf with a token it obtained with its own client
        assertTrue(tokenExchanges("cart", "exchanged") >= 1, "cart-service exchanged the citizen's Keycloak token");

        // the citizen's personal data, gathered by reporting from the five services on the admin's exchanged token
        new PersonalDataJourney(SuiteUrls.withOffset(OFFSET), line -> {
            System.out.println(line);
            OUTPUT.add(line);
        }, keycloak).run(result);
        assertEquals(8, OUTPUT.size(), "the personal data step reported");
        assertTrue(tokenExchanges("reporting", "exchanged") >= 4, "reporting-service asked the four services with exchanged tokens");

        new CounterJourney(SuiteUrls.withOffset(OFFSET), line -> {
            System.out.println(line);
            OUTPUT.add(line);
        }).run(result);
        assertEquals(16, OUTPUT.size(), "every counter step reported");
        // development-key tokens cannot be exchanged: passed on as they are
        assertTrue(tokenExchanges("payment", "passed-on") >= 1, "payment-service passed the agent's token on");

        new MollieJourney(SuiteUrls.withOffset(OFFSET), line -> {
            System.out.println(line);
            OUTPUT.add(line);
        }).run();
        assertEquals(17, OUTPUT.size(), "the Mollie step reported");

        new ProcedureJourney(SuiteUrls.withOffset(OFFSET), line -> {
            System.out.println(line);
            OUTPUT.add(line);
        }).run();
        assertEquals(20, OUTPUT.size(), "every e-counter step reported");
    }

    static double tokenExchanges(String service, String outcome) {
        SuiteUrls urls = SuiteUrls.withOffset(OFFSET);
        String base = switch (service) {
            case "cart" -> urls.cart();
            case "reporting" -> urls.reporting();
            default -> urls.payment();
        };
        return PrometheusText.value(Http.get(base + "/q/metrics", null).body(), "guichet_token_exchanges_total",
                java.util.Map.of("outcome", outcome));
    }
}
