package org.guichet.billing.fine;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.platform.db.BlockingTransaction;
import org.guichet.platform.jobs.ClaimedJobs;
import org.guichet.platform.lifecycle.GracefulStop;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes the FineAccrued events of a night's accrual into the outbox, from the loans it changed
 * (R13: "FineAccrued is published for each change"). One statement per pending publication, under
 * the publication's row lock (a replica skips it). Event ids come from loan, date and amounts — the
 * fixation writes the same id for the same state — so a retry or a second pass adds nothing.
 * <p>Decision: docs/adr/0003-accrual-in-one-statement.md.
 */
@ApplicationScoped
public class FinePublisher {
    private static final Logger LOG = Logger.getLogger(FinePublisher.class);

    /** $1 now, $2 producer. Answers the events written and whether a publication was done. */
    static final String PUBLISH = """
            with job as (
                select id, tenant, business_date from fine_publication
                where done_at is null order by created_at limit 1 for update skip locked
            ), written as (
                insert into outbox_event (id, topic, message_key, type, envelope, created_at)
                select e.event_id, '%1$s', l.id::text, '%2$s',
                       json_build_object('eventId', e.event_id, 'type', '%2$s', 'version', %3$d,
                           'occurredAt', to_char($1::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                           'producer', $2::text, 'tenant', j.tenant, 'subjectId', l.id::text,
                           'correlationId', e.event_id::text,
                           'payload', json_build_object('loanId', l.id, 'accountId', l.account_id,
                               'itemBarcode', l.item_barcode, 'businessDate', j.business_date,
                               'overdueOperatingDays', l.overdue_days, 'accrued', l.accrued, 'fixed', l.fixed,
                               'currency', l.currency))::text,
                       $1
                from job j
                join loan l on l.tenant = j.tenant and l.accrued_on = j.business_date
                cross join lateral (select md5(l.id::text || '/' || j.business_date::text || '/' || l.accrued
                                              || '/' || l.fixed)::uuid as event_id) e
                on conflict (id) do nothing
                returning 1
            ), done as (
                update fine_publication f set done_at = $1, events = (select count(*) from written)
                from job j where f.id = j.id
                returning f.id
            )
            select (select count(*) from written), (select count(*) from done)
            """.formatted(Topics.FINES, EventType.FINE_ACCRUED.typeName(), EventType.FINE_ACCRUED.version());

    @Inject
    Pool pool;
    @Inject
    Clock clock;
    @Inject
    GracefulStop gracefulStop;
    @ConfigProperty(name = "quarkus.application.name")
    String producer;

    @Scheduled(every = "${guichet.accrual.publish-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishPending() {
        ClaimedJobs.drain("FineAccrued publisher", Integer.MAX_VALUE, gracefulStop, this::publishOne);
    }

    /** Writes one pending publication's events; false when none was pending (or another replica has it). */
    boolean publishOne() {
        Row row = BlockingTransaction.run(pool, conn -> conn.preparedQuery(PUBLISH).executeAndAwait(Tuple.tuple(List.of(
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), producer))).iterator().next());
        boolean done = row.getLong(1) > 0;
        if (done) {
            LOG.infof("FineAccrued: %d events written to the outbox", row.getLong(0));
        }
        return done;
    }
}
