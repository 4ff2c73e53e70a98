package org.guichet.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.MalformedEventException;
import org.guichet.platform.error.ProblemException;
import org.guichet.platform.faults.CrashPoints;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Applies an event's effect exactly once: the event id is recorded in {@code processed_event} in
 * the same transaction as the effect, so a redelivered event finds its id and does nothing.
 * A failure is retried a few times with back-off ({@link DeadLetterConfig}). If it persists while the
 * database answers, and is not an outside service's ({@link RetryLater}), the event is poison (an
 * overflow, an unknown currency...): it goes to the service's dead-letter topic ({@link DeadLetters})
 * and the consumer moves on. While the database (or a gateway) does not answer, the event is retried
 * until it passes, holding the partition: nothing is skipped. A domain rejection
 * ({@link ProblemException}) or a malformed record is logged and skipped: retrying it would never
 * succeed. Redeliveries passed over are counted on /q/metrics as
 * {@code guichet_events_duplicates_total{consumer}}.
 * <p>Decision: docs/adr/0002-outbox-and-idempotent-consumer.md.
 */
@ApplicationScoped
public class IdempotentConsumer {
    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final String MARK = "insert into processed_event (consumer, event_id, event_type, processed_at) "
            + "values (?1, ?2, ?3, now()) on conflict do nothing";

    /** SQLSTATE classes of an outage rather than of the event (see {@link #infrastructure}). */
    private static final Set<String> INFRASTRUCTURE_STATES = Set.of("08", "40", "53", "57", "58");

    private record Received(EventEnvelope envelope, String raw) {
    }

    private final MeterRegistry registry;
    private final CrashPoints crashPoints;
    private final DeadLetters deadLetters;
    private final DeadLetterConfig config;

    @Inject
    public IdempotentConsumer(MeterRegistry registry, CrashPoints crashPoints, DeadLetters deadLetters,
                              DeadLetterConfig config) {
        this.registry = registry;
        this.crashPoints = crashPoints;
        this.deadLetters = deadLetters;
        this.config = config;
    }

    /** Applies the effect to every event of the topic. */
    public Uni<Void> apply(String consumer, String rawEnvelope, Function<EventEnvelope, Uni<Void>> effect) {
        Received event = read(consumer, rawEnvelope);
        return event == null ? Uni.createFrom().voidItem() : once(consumer, event, effect);
    }

    /** Applies the effect to events of one type; the topic's other events are passed over without a write. */
    public Uni<Void> apply(String consumer, String rawEnvelope, EventType type, Function<EventEnvelope, Uni<Void>> effect) {
        return apply(consumer, rawEnvelope, Set.of(type), effect);
    }

    /** Applies the effect to events of the given types; the topic's other events are passed over without a write. */
    public Uni<Void> apply(String consumer, String rawEnvelope, Set<EventType> types,
                           Function<EventEnvelope, Uni<Void>> effect) {
        Received event = read(consumer, rawEnvelope);
        return event == null || types.stream().noneMatch(event.envelope()::is) ? Uni.createFrom().voidItem()
                : once(consumer, event, effect);
    }

    /**
     * Applies a batch of records (a channel with {@code batch=true}) in one transaction: one commit
     * instead of one per event, the hot path of a busy topic. Each event is still marked and applied
     * once. If the batch fails as a whole, its events are applied one by one with the rules above,
     * so one rejected or poison event neither blocks nor rolls back the others.
     */
    public Uni<Void> applyBatch(String consumer, List<String> records, Function<EventEnvelope, Uni<Void>> effect) {
        List<Received> events = records.stream().map(r -> read(consumer, r)).filter(Objects::nonNull).toList();
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (events.size() == 1) {
            return once(consumer, events.get(0), effect);
        }
        return Uni.createFrom().deferred(() -> {
                    List<String> applied = new ArrayList<>();
                    return Panache.withTransaction(() -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (Received event : events) {
                            EventEnvelope envelope = event.envelope();
                            // flushed after each event: the next one's native SQL sees its rows, as if
                            // each had its own transaction (Hibernate does not flush before a native update)
                            chain = chain.call(() -> applyOrSkip(consumer, envelope, effect)
                                    .call(() -> Panache.getSession().flatMap(Mutiny.Session::flush))
                                    .invoke(first -> {
                                        if (first) {
                                            applied.add(envelope.type());
                                        }
                                    }));
                        }
                        return chain;
                    }).invoke(() -> applied.forEach(type -> crashPoints.afterApply(consumer, type)));
                })
                .onFailure().recoverWithUni(t -> {
                    LOG.infof("%s: a batch of %d failed (%s): applying its events one by one", consumer, events.size(),
                            t.toString());
                    return Multi.createFrom().iterable(events)
                            .onItem().transformToUniAndConcatenate(event -> once(consumer, event, effect))
                            .collect().asList().replaceWithVoid();
                });
    }

    private Received read(String consumer, String rawEnvelope) {
        EventEnvelope envelope;
        try {
            envelope = EventJson.read(rawEnvelope);
        } catch (MalformedEventException e) {
            LOG.errorf("%s: skipping a record that is not an event envelope: %s", consumer, e.getMessage());
            return null;
        }
        String refusal = EventOrigin.refusal(envelope);
        if (refusal != null) { // a forgery, never applied nor replayed (M7): counted for the operator's alert
            LOG.errorf("%s: refusing event %s: %s", consumer, envelope.eventId(), refusal);
            registry.counter("guichet.events.refused", "consumer", consumer).increment();
            return null;
        }
        return new Received(envelope, rawEnvelope);
    }

    private Uni<Void> once(String consumer, Received event, Function<EventEnvelope, Uni<Void>> effect) {
        EventEnvelope envelope = event.envelope();
        Uni<Void> attempt = Uni.createFrom().deferred(() -> Panache.withTransaction(() -> applyOrSkip(consumer, envelope, effect)))
                .invoke(first -> {
                    if (first) {
                        crashPoints.afterApply(consumer, envelope.type());
                    }
                })
                .replaceWithVoid();
        Uni<Void> attempts = attempt
                .onFailure(IdempotentConsumer::retried)
                .invoke(t -> LOG.warnf("%s: %s %s failed, retrying: %s", consumer, envelope.type(),
                        envelope.eventId(), t.toString()))
                .onFailure(IdempotentConsumer::retried)
                .retry().withBackOff(config.backoff(), config.maxBackoff()).atMost(Math.max(0, config.attempts() - 1))
                .onFailure(IdempotentConsumer::retried)
                .recoverWithUni(t -> setAsideIfPoison(consumer, event, attempt, t));
        // the database (or the broker, for the dead letter) is down: try again until it is back
        return attempts
                .onFailure(IdempotentConsumer::retried)
                .retry().withBackOff(config.maxBackoff(), Duration.ofSeconds(10)).indefinitely()
                .onFailure(ProblemException.class).recoverWithItem(t -> {
                    LOG.warnf("%s: %s %s rejected: %s", consumer, envelope.type(), envelope.eventId(), t.getMessage());
                    return null;
                });
    }

    /**
     * Still failing after the attempts: poison, unless an outage is what fails (then the failure stands and
     * is retried). One more attempt once the database answers, so an outage that ended between two
     * attempts sets nothing aside.
     */
    private Uni<Void> setAsideIfPoison(String consumer, Received event, Uni<Void> attempt, Throwable failure) {
        if (infrastructure(failure)) {
            return Uni.createFrom().failure(failure);
        }
        return databaseAnswers().flatMap(up -> !up ? Uni.createFrom().<Void>failure(failure)
                : attempt.onFailure(IdempotentConsumer::retried).recoverWithUni(last -> infrastructure(last)
                        ? Uni.createFrom().failure(last)
                        : deadLetters.send(consumer, event.envelope(), event.raw(), last)));
    }

    private static boolean retried(Throwable t) {
        return !(t instanceof ProblemException);
    }

    /**
     * A failure of the database, the network or a service outside rather than of the event: {@link RetryLater},
     * no connection, a timeout, or an SQLSTATE of class 08 (connection), 40 (serialization, deadlock),
     * 53 (resources), 57 (operator intervention, e.g. shutdown) or 58 (system error).
     */
    static boolean infrastructure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof RetryLater || c instanceof ConnectException || c instanceof ClosedChannelException
                    || c instanceof TimeoutException) {
                return true;
            }
            String state = c instanceof PgException pg ? pg.getSqlState() : null;
            if (state != null && state.length() == 5 && INFRASTRUCTURE_STATES.contains(state.substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /** True when a trivial query passes: a failure that persists meanwhile comes from the event itself. */
    private static Uni<Boolean> databaseAnswers() {
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createNativeQuery("select 1").getSingleResult()))
                .replaceWith(Boolean.TRUE)
                .onFailure().recoverWithItem(Boolean.FALSE);
    }

    /** In the caller's transaction: the effect if the event is new (true), nothing if it was applied before. */
    private Uni<Boolean> applyOrSkip(String consumer, EventEnvelope envelope, Function<EventEnvelope, Uni<Void>> effect) {
        return firstTime(consumer, envelope).flatMap(first -> first
                ? effect.apply(envelope).replaceWith(Boolean.TRUE)
                : skipDuplicate(consumer, envelope).replaceWith(Boolean.FALSE));
    }

    private static Uni<Boolean> firstTime(String consumer, EventEnvelope envelope) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(MARK)
                .setParameter(1, consumer)
                .setParameter(2, envelope.eventId())
                .setParameter(3, envelope.type())
                .executeUpdate()).map(rows -> rows == 1);
    }

    private Uni<Void> skipDuplicate(String consumer, EventEnvelope envelope) {
        LOG.debugf("%s: %s %s already applied", consumer, envelope.type(), envelope.eventId());
        registry.counter("guichet.events.duplicates", "consumer", consumer).increment();
        return Uni.createFrom().voidItem();
    }
}
