package org.guichet.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.platform.tracing.TraceParent;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Records an event in the current transaction. Call it inside the same
 * {@code Panache.withTransaction} as the change: both commit, or neither does.
 * <p>Decision: docs/adr/0002-outbox-and-idempotent-consumer.md.
 */
@ApplicationScoped
public class Outbox {
    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String producer;

    public Uni<EventEnvelope> publish(EventType type, String tenant, String subjectId, String correlationId,
                                      Object payload) {
        EventEnvelope envelope = EventEnvelope.of(type, clock.instant(), producer, tenant, subjectId,
                correlationId, payload);
        return OutboxRecord.of(type.topic(), envelope).persist().replaceWith(envelope);
    }

    /** The same, for code that works on a plain SQL connection in its own transaction (blocking). */
    public EventEnvelope publishAndAwait(SqlConnection connection, EventType type, String tenant, String subjectId,
                                        String correlationId, Object payload) {
        EventEnvelope envelope = EventEnvelope.of(type, clock.instant(), producer, tenant, subjectId,
                correlationId, payload);
        connection.preparedQuery("insert into outbox_event (id, topic, message_key, type, envelope, created_at, "
                        + "trace_parent) values ($1, $2, $3, $4, $5, $6, $7)")
                .executeAndAwait(Tuple.tuple(java.util.Arrays.asList(envelope.eventId(), type.topic(), subjectId,
                        envelope.type(), EventJson.write(envelope),
                        OffsetDateTime.ofInstant(envelope.occurredAt(), ZoneOffset.UTC), TraceParent.current())));
        return envelope;
    }
}
