package org.guichet.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.platform.db.BlockingTransaction;
import org.guichet.platform.faults.CrashPoints;
import org.guichet.platform.jobs.ClaimedJobs;
import org.guichet.platform.kafka.KafkaPublisher;
import org.guichet.platform.lifecycle.GracefulStop;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Moves committed outbox rows to Kafka. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * several replicas share the work without sending a row twice; a row is marked sent only after
 * the broker acknowledged it, so a crash in between means a resend (consumers are idempotent),
 * never a loss. When a send fails, the rows after it in the batch wait for the next pass, which
 * keeps the order of each aggregate's events.
 * <p>Decisions: docs/adr/0002-outbox-and-idempotent-consumer.md, docs/adr/0005-sweep-windows.md.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM = "select id, topic, message_key, type, envelope, trace_parent from outbox_event "
            + "where sent_at is null order by seq limit $1 for update skip locked";

    @Inject
    Pool pool;

    @Inject
    KafkaPublisher publisher;

    @Inject
    OutboxConfig config;

    @Inject
    Clock clock;

    @Inject
    CrashPoints crashPoints;

    @Inject
    GracefulStop gracefulStop;

    @Scheduled(every = "${guichet.outbox.poll-interval:0.25s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayPending() {
        // a batch published to Kafka is marked sent before the service stops (else: sent twice); a full batch
        // means more may wait
        ClaimedJobs.drain("outbox relay", Integer.MAX_VALUE, gracefulStop, () -> relayOneBatch() == config.batchSize());
    }

    /** Relays at most one batch; returns how many rows were sent. */
    public int relayOneBatch() {
        return BlockingTransaction.run(pool, conn -> {
            List<KafkaPublisher.OutgoingEvent> claimed = new ArrayList<>();
            for (Row row : conn.preparedQuery(CLAIM).executeAndAwait(Tuple.of(config.batchSize()))) {
                claimed.add(new KafkaPublisher.OutgoingEvent(row.getUUID("id"), row.getString("topic"),
                        row.getString("message_key"), row.getString("type"), row.getString("envelope"),
                        row.getString("trace_parent")));
            }
            if (claimed.isEmpty()) {
                return 0;
            }
            crashPoints.beforePublish(claimed.stream().map(KafkaPublisher.OutgoingEvent::type).toList());
            KafkaPublisher.Result result = publisher.sendInOrder(claimed);
            crashPoints.afterPublish(claimed.stream().filter(e -> result.sent().contains(e.id()))
                    .map(KafkaPublisher.OutgoingEvent::type).toList());
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            if (!result.sent().isEmpty()) {
                conn.preparedQuery("update outbox_event set sent_at = $1, attempts = attempts + 1 where id = any($2)")
                        .executeAndAwait(Tuple.of(now, result.sent().toArray(new UUID[0])));
            }
            if (result.failedId() != null) {
                conn.preparedQuery("update outbox_event set attempts = attempts + 1, last_error = $1 where id = $2")
                        .executeAndAwait(Tuple.of(truncate(result.error()), result.failedId()));
                LOG.warnf("outbox: event %s not relayed yet (%s); %d sent in this pass",
                        result.failedId(), result.error(), result.sent().size());
            }
            return result.sent().size();
        });
    }

    /** Counts events committed but not yet on Kafka: the backlog an operator watches. */
    public long backlog() {
        return pool.query("select count(*) from outbox_event where sent_at is null").executeAndAwait()
                .iterator().next().getLong(0);
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeRelayed() {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(config.retention()), ZoneOffset.UTC);
        pool.preparedQuery("delete from outbox_event where sent_at < $1").executeAndAwait(Tuple.of(cutoff));
    }

    private static String truncate(String s) {
        return s == null ? null : s.substring(0, Math.min(1000, s.length()));
    }
}
