package org.guichet.billing.institution;

import jakarta.enterprise.context.ApplicationScoped;
import org.guichet.platform.production.ProductionCheck;

import java.util.List;

/** In the prod profile billing needs at least one institution of its own (the demo's are not packaged). */
@ApplicationScoped
public class InstitutionSettings implements ProductionCheck {
    private final InstitutionsConfig config;

    InstitutionSettings(InstitutionsConfig config) {
        this.config = config;
    }

    @Override
    public List<Violation> violations() {
        return config.institutions().isEmpty()
                ? List.of(new Violation("guichet.billing.institutions", "no institution is configured: no bill could be made"))
                : List.of();
    }
}
