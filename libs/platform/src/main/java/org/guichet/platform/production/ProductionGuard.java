package org.guichet.platform.production;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * In the {@code prod} profile, refuses to start a service whose configuration still holds a development
 * setting: every {@link ProductionCheck} is asked, each violation is logged on one line naming the setting,
 * and start-up fails (the process exits non-zero). Other profiles ({@code demo} for ./guichet up, {@code test})
 * are not checked: they select the demo world on purpose.
 *
 * <p>It runs when Flyway is configured — the first thing a service does with its database at start-up, before
 * any migration — and again at {@link StartupEvent} for safety; the checks run once.
 * <p>Decision: docs/adr/0006-demo-and-production-configuration.md.
 */
@ApplicationScoped
public class ProductionGuard implements FlywayConfigurationCustomizer {
    private static final Logger LOG = Logger.getLogger(ProductionGuard.class);

    private final Config config;
    private final Instance<ProductionCheck> checks;
    private volatile boolean passed;

    ProductionGuard(Config config, Instance<ProductionCheck> checks) {
        this.config = config;
        this.checks = checks;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        enforce();
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        enforce();
    }

    public boolean production() {
        return config.unwrap(SmallRyeConfig.class).getProfiles().contains("prod");
    }

    /** Every violation of every check, whatever the profile (the tests ask it in theirs). */
    public List<ProductionCheck.Violation> violations() {
        List<ProductionCheck.Violation> all = new ArrayList<>();
        for (ProductionCheck check : checks) {
            all.addAll(check.violations());
        }
        return all;
    }

    private synchronized void enforce() {
        if (passed || !production()) {
            return;
        }
        List<ProductionCheck.Violation> violations = violations();
        if (violations.isEmpty()) {
            passed = true;
            return;
        }
        for (ProductionCheck.Violation v : violations) {
            LOG.errorf("refusing to start in the prod profile: %s", v);
        }
        throw new IllegalStateException(violations.size() + " development setting(s) in the prod profile, first "
                + violations.get(0).setting() + " (each is logged above; see SECURITY.md, 'A production configuration')");
    }
}
