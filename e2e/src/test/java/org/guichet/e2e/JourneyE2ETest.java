package org.guichet.e2e;

import org.guichet.testing.PrometheusText;
import org.guichet.testing.infra.InfraPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite started as a user starts it (the launcher, the built jars, real PostgreSQL, Kafka and
 * SMTP, Keycloak), on its own ports and databases (GUICHET_ENV=e2e), driven through the citizen journey.
 */
class JourneyE2ETest {
    static final int OFFSET = 10000;
    static final List<String> OUTPUT = new ArrayList<>();

    @BeforeAll
    static void startSuite() throws Exception {
        assertEquals(0, launcher("up", "--keycloak"), "./guichet up --keycloak (e2e) failed; see .guichet/e2e/logs");
    }

    @AfterAll
    static void stopSuite() throws Exception {
        launcher("down");
    }

    @Test
    void the_citizen_journey_goes_through_all_five_services_then_the_counter_and_refunds() {
        // the walking skeleton's journey on tokens Keycloak issued (the rest on the development key's)
        Journey.Result result = new Journey(SuiteUrls.withOffset(OFFSET), line -> {
            System.out.println(line);
            OUTPUT.add(line);
        }, new KeycloakIdentities("http://127.0.0.1:" + (8180 + OFFSET), "admin", "admin")).run();
        assertTrue(result.reference().startsWith("KLADNO-LIBRARY-"));
        assertEquals(7, OUTPUT.size(), "every step reported");
        // cart asked billing on the citizen's behalf with a token it obtained with its own client
        assertTrue(tokenExchanges("cart", "exchanged") >= 1, "cart-service exchanged the citizen's Keycloak token");

        new CounterJourney(SuiteUrls.withOffset(OFFSET), line -> {
            System.out.println(line);
            OUTPUT.add(line);
        }).run(result);
        assertEquals(15, OUTPUT.size(), "every counter step reported");
        // development-key tokens cannot be exchanged: passed on as they are
        assertTrue(tokenExchanges("payment", "passed-on") >= 1, "payment-service passed the agent's token on");

        new MollieJourney(SuiteUrls.withOffset(OFFSET), line -> {
            System.out.println(line);
            OUTPUT.add(line);
        }).run();
        assertEquals(16, OUTPUT.size(), "the Mollie step reported");

        new ProcedureJourney(SuiteUrls.withOffset(OFFSET), line -> {
            System.out.println(line);
            OUTPUT.add(line);
        }).run();
        assertEquals(19, OUTPUT.size(), "every e-counter step reported");
    }

    static double tokenExchanges(String service, String outcome) {
        SuiteUrls urls = SuiteUrls.withOffset(OFFSET);
        String base = service.equals("cart") ? urls.cart() : urls.payment();
        return PrometheusText.value(Http.get(base + "/q/metrics", null).body(), "guichet_token_exchanges_total",
                java.util.Map.of("outcome", outcome));
    }

    static int launcher(String... command) throws IOException, InterruptedException {
        Path root = InfraPaths.root();
        List<String> line = new ArrayList<>(List.of(root.resolve("guichet").toString()));
        line.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(line)
                .directory(root.toFile()).inheritIO();
        pb.environment().put("GUICHET_ENV", "e2e");
        pb.environment().put("GUICHET_SKIP_BUILD", "1");
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
