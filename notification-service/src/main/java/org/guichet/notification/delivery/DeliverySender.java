package org.guichet.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.events.EventType;
import org.guichet.events.payload.NotificationSent;
import org.guichet.notification.NotificationConfig;
import org.guichet.platform.db.BlockingTransaction;
import org.guichet.platform.jobs.BackOff;
import org.guichet.platform.jobs.ClaimedJobs;
import org.guichet.platform.lifecycle.GracefulStop;
import org.guichet.platform.outbox.Outbox;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Sends queued emails through SMTP. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} (safe
 * with several replicas); a failure is retried with doubling back-off up to the configured
 * number of attempts. A row is marked SENT in the same transaction as its NotificationSent event.
 * One email per transaction, each a {@link GracefulStop} step: an email handed to SMTP is marked sent
 * at once, even when the service is being stopped, so no other replica sends it again.
 * <p>Timings: docs/adr/0005-sweep-windows.md.
 */
@ApplicationScoped
public class DeliverySender {
    private static final Logger LOG = Logger.getLogger(DeliverySender.class);
    /** Emails sent in one pass at most, so a long queue does not hold the scheduler's thread forever. */
    private static final int PASS = 200;
    /** The rows the table lets become SENT (PENDING: a one-element list, so the partial index still serves). */
    private static final String CLAIM = "select id, status, tenant, template, recipient, subject, body_text, attempts, "
            + "source_event_id, attachment, attachment_name, body_html from email_delivery where status in ("
            + DeliveryStatus.sendableSql() + ") and next_attempt_at <= $1 "
            + "order by next_attempt_at limit 1 for update skip locked";

    @Inject
    Pool pool;
    @Inject
    Mailer mailer;
    @Inject
    Outbox outbox;
    @Inject
    NotificationConfig config;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;
    @Inject
    GracefulStop gracefulStop;

    @Scheduled(every = "${guichet.notification.send-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        ClaimedJobs.drain("email sender", PASS, gracefulStop, this::sendOne);
    }

    /** Sends the next due email, if any, in a transaction of its own; true when there was one. */
    boolean sendOne() {
        return BlockingTransaction.run(pool, conn -> {
            for (Row row : conn.preparedQuery(CLAIM).executeAndAwait(Tuple.of(now()))) {
                send(conn, row);
                return true;
            }
            return false;
        });
    }

    private void send(SqlConnection conn, Row row) {
        UUID id = row.getUUID("id");
        String recipient = row.getString("recipient");
        int attempts = row.getInteger("attempts") + 1;
        try {
            Mail mail = Mail.withText(recipient, row.getString("subject"), row.getString("body_text"));
            if (row.getString("body_html") != null) {
                mail.setHtml(row.getString("body_html"));
            }
            if (row.getBuffer("attachment") != null) {
                mail.addAttachment(row.getString("attachment_name"), row.getBuffer("attachment").getBytes(),
                        "application/pdf");
            }
            mailer.send(mail);
        } catch (RuntimeException e) {
            boolean giveUp = attempts >= config.retry().maxAttempts();
            count(giveUp ? "failed" : "retried");
            Instant next = clock.instant().plus(backoff(attempts));
            LOG.warnf("email %s to %s failed (attempt %d%s): %s", id, recipient, attempts,
                    giveUp ? ", giving up" : "", e.getMessage());
            DeliveryStatus status = moved(row, giveUp ? DeliveryStatus.FAILED : DeliveryStatus.PENDING);
            conn.preparedQuery("update email_delivery set status = $1, attempts = $2, next_attempt_at = $3, "
                            + "last_error = $4 where id = $5")
                    .executeAndAwait(Tuple.tuple(java.util.List.of(status.name(), attempts,
                            OffsetDateTime.ofInstant(next, ZoneOffset.UTC), String.valueOf(e.getMessage()), id)));
            return;
        }
        // handed over: marked in this email's own transaction (a failure here rolls back, and it is sent again)
        count("sent");
        conn.preparedQuery("update email_delivery set status = $1, attempts = $2, sent_at = $3, "
                + "last_error = null where id = $4").executeAndAwait(Tuple.of(moved(row, DeliveryStatus.SENT).name(),
                attempts, now(), id));
        outbox.publishAndAwait(conn, EventType.NOTIFICATION_SENT, row.getString("tenant"), id.toString(), null,
                new NotificationSent(id.toString(), row.getUUID("source_event_id").toString(),
                        row.getString("template"), recipient));
    }

    /** The claimed row's next status, once its table allows the move. */
    private static DeliveryStatus moved(Row row, DeliveryStatus next) {
        DeliveryStatus.TRANSITIONS.check(DeliveryStatus.valueOf(row.getString("status")), next,
                "Email " + row.getUUID("id"));
        return next;
    }

    /** {@code guichet_emails_total{outcome=sent|retried|failed}}: SMTP hand-overs of this replica. */
    private void count(String outcome) {
        registry.counter("guichet.emails", "outcome", outcome).increment();
    }

    Duration backoff(int attempts) {
        return new BackOff(config.retry().initialBackoff(), config.retry().maxBackoff()).after(attempts);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
