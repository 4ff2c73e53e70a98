package org.guichet.billing.institution;

import io.smallrye.config.ConfigMapping;
import org.guichet.platform.error.Problems;

import java.util.Map;

/** The institutions (tenants) sharing this installation and what billing needs to know of each. */
@ConfigMapping(prefix = "guichet.billing")
public interface InstitutionsConfig {

    Map<String, Institution> institutions();

    interface Institution {
        /** ISO 4217 currency of every bill of the institution. */
        String currency();

        /** The régie (gateway account) that collects the institution's bills. */
        String regie();
    }

    default Institution of(String tenant) {
        Institution institution = institutions().get(tenant);
        if (institution == null) {
            throw Problems.forbidden("Institution " + tenant + " is not configured in this installation");
        }
        return institution;
    }
}
