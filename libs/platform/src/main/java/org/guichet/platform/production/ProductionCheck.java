package org.guichet.platform.production;

import java.util.List;

/**
 * One family of settings a service must not run production with (a demo key, a sandbox, no institution).
 * Each service adds its own as a bean; {@link ProductionGuard} runs them all before the service does anything.
 */
public interface ProductionCheck {

    /** What is wrong with the configuration for production; empty when nothing is. */
    List<Violation> violations();

    /** A setting, by its property name, and why production refuses its value. */
    record Violation(String setting, String reason) {
        @Override
        public String toString() {
            return setting + ": " + reason;
        }
    }
}
