package org.guichet.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an operator watches of the outbox, on /q/metrics: {@code guichet_outbox_backlog} (events committed
 * and not yet on Kafka) and {@code guichet_outbox_oldest_age_seconds} (how long the oldest of them has
 * waited). Read from the database every few seconds, not at each scrape.
 */
@ApplicationScoped
@Startup
public class OutboxMetrics {
    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    @Inject
    Pool pool;
    @Inject
    Clock clock;

    @Inject
    OutboxMetrics(MeterRegistry registry) {
        Gauge.builder("guichet.outbox.backlog", backlog, AtomicLong::get)
                .description("Events committed and not yet relayed to Kafka").register(registry);
        Gauge.builder("guichet.outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("How long the oldest event not yet relayed has waited").register(registry);
    }

    @Scheduled(every = "${guichet.outbox.metrics-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try {
            Row row = pool.query("select count(*), min(created_at) from outbox_event where sent_at is null")
                    .executeAndAwait().iterator().next();
            backlog.set(row.getLong(0));
            OffsetDateTime oldest = row.getOffsetDateTime(1);
            oldestAgeSeconds.set(oldest == null ? 0
                    : Math.max(0, clock.instant().getEpochSecond() - oldest.toEpochSecond()));
        } catch (RuntimeException e) {
            LOG.debugf("outbox metrics not read this time: %s", e.getMessage());
        }
    }
}
