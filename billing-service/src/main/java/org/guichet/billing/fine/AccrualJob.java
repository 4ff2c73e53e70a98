package org.guichet.billing.fine;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.billing.institution.InstitutionsConfig;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;

/** Every night, each institution's late fees are brought to its own business date. */
@ApplicationScoped
public class AccrualJob {
    private static final Logger LOG = Logger.getLogger(AccrualJob.class);

    @Inject
    AccrualService accrual;
    @Inject
    InstitutionsConfig institutions;
    @Inject
    Clock clock;

    @Scheduled(cron = "${guichet.accrual.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        institutions.institutions().forEach((tenant, institution) -> {
            if (institution.fines().isEmpty()) {
                return;
            }
            LocalDate today = LocalDate.now(clock.withZone(institution.timeZone()));
            AccrualService.Result r = accrual.run(tenant, today);
            LOG.infof("accrual %s %s: %d loans updated in %d ms, %d bills fixed in %d ms", tenant, today,
                    r.loansUpdated(), r.accrualMillis(), r.billsFixed(), r.fixationMillis());
        });
    }
}
