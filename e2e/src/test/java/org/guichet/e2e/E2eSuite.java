package org.guichet.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The end-to-end suite ({@code GUICHET_ENV=e2e}: ports +10000, databases {@code guichet_e2e_*}, with
 * Keycloak), started as a user starts it, once per test JVM: the first test class that names this
 * extension starts it, and it is stopped when every class has run (the root context's store closes it).
 * Starting costs a minute or two, so the journey and the invariants share one suite.
 */
public final class E2eSuite implements BeforeAllCallback {
    static final int OFFSET = 10000;
    static final SuiteUrls URLS = SuiteUrls.withOffset(OFFSET);
    /**
     * The reconciler looks often (every 2 s, at payments without news for 4 s) and an abandoned payment
     * expires after 20 s, so that the invariants see expiries and payments made after them in one run; each
     * service keeps to 8 database connections (PostgreSQL's 100 are shared with the other suites and tests).
     */
    static final String PROPS = "-Dguichet.payment.reconcile-every=2s -Dguichet.payment.reconcile-after=PT4S "
            + "-Dguichet.payment.expire-after=PT20S -Dquarkus.datasource.reactive.max-size=8";
    static final Map<String, String> ENV = Map.of("GUICHET_ENV", "e2e", "GUICHET_EXTRA_PROPS", PROPS);

    /** Closed with the root context: stops what {@code up} started (unless -Dguichet.e2e.keep-up=true, to look at it). */
    private static final class Running implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (!Boolean.getBoolean("guichet.e2e.keep-up")) {
                Launcher.run(ENV, "down");
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(E2eSuite.class, key -> start(), Running.class);
    }

    private static Running start() {
        Running running = new Running();
        // from empty databases and a new broker: rows an earlier run left (another clone, a run stopped half-way)
        // would name events this broker never carried, and the whole-suite checks would count them
        Map<String, String> fresh = new HashMap<>(ENV);
        fresh.put("GUICHET_FRESH", "1");
        int exit;
        try {
            exit = Launcher.run(fresh, "up", "--keycloak");
        } catch (Exception e) {
            throw new IllegalStateException("could not run ./guichet up (e2e)", e);
        }
        if (exit != 0) {
            try {
                running.close(); // what did start must not outlive the test
            } catch (Exception ignored) {
                // the failure below is the news
            }
        }
        assertEquals(0, exit, "./guichet up --keycloak (e2e) failed; see .guichet/e2e/logs");
        return running;
    }
}
