package org.guichet.billing.institution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Business dates an admin asks for (accrual, retention) run up to the institution's today, by the
 * injected clock in its time zone: a later date would bill fines not yet due or erase personal data
 * years early, irreversibly (M8).
 */
@ApplicationScoped
public class BusinessDates {
    private static final Logger LOG = Logger.getLogger(BusinessDates.class);

    private final InstitutionsConfig institutions;
    private final Clock clock;

    @Inject
    public BusinessDates(InstitutionsConfig institutions, Clock clock) {
        this.institutions = institutions;
        this.clock = clock;
    }

    public LocalDate today(String tenant) {
        return LocalDate.now(clock.withZone(institutions.of(tenant).timeZone()));
    }

    /** The date itself, or a 400 problem when it is after the institution's today (logged with the caller). */
    public LocalDate notAfterToday(String tenant, LocalDate businessDate, String what, String caller) {
        LocalDate today = today(tenant);
        if (businessDate.isAfter(today)) {
            LOG.warnf("%s of %s asked for the %s of %s, after the institution's today %s: refused", caller, tenant,
                    what, businessDate, today);
            throw Problems.invalid("The business date is after the institution's today",
                    new FieldError("businessDate", "at most " + today));
        }
        LOG.infof("%s of %s runs the %s of %s", caller, tenant, what, businessDate);
        return businessDate;
    }
}
