package org.guichet.billing.privacy;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.billing.institution.InstitutionsConfig;
import org.jboss.logging.Logger;

import java.util.List;

/** Every night, each institution's retention policy is applied for its own business date (README, "Personal data"). */
@ApplicationScoped
public class RetentionJob {
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    Retention retention;
    @Inject
    InstitutionsConfig institutions;

    @Scheduled(cron = "${guichet.retention.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> nightly() {
        return runToday().replaceWithVoid();
    }

    /** Each institution for today in its time zone, one after the other. */
    public Uni<List<Retention.Result>> runToday() {
        return Multi.createFrom().iterable(institutions.institutions().entrySet())
                .onItem().transformToUniAndConcatenate(e -> retention.runToday(e.getKey())
                        .invoke(r -> LOG.infof("retention %s %s: %d closed accounts pseudonymised, transactions "
                                        + "before %s past retention", r.tenant(), r.businessDate(),
                                r.accountsPseudonymised(), r.transactionsBefore())))
                .collect().asList();
    }
}
