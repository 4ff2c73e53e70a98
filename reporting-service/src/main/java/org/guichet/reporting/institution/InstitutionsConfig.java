package org.guichet.reporting.institution;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.ZoneId;
import java.util.Map;

/**
 * What the read model needs to know of each institution that events do not say: the time zone its days
 * are counted in (the dashboard's days). {@code guichet.reporting.institutions.<tenant>.time-zone}, else
 * {@code guichet.reporting.time-zone}.
 */
@ConfigMapping(prefix = "guichet.reporting")
public interface InstitutionsConfig {
    /** The zone of an institution not listed. */
    @WithName("time-zone")
    @WithDefault("Europe/Brussels")
    ZoneId defaultTimeZone();

    Map<String, Institution> institutions();

    interface Institution {
        ZoneId timeZone();
    }

    default ZoneId zoneOf(String tenant) {
        Institution institution = institutions().get(tenant);
        return institution != null ? institution.timeZone() : defaultTimeZone();
    }
}
