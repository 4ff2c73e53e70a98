package org.guichet.platform.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;

import java.time.Clock;

/**
 * Records an event in the current transaction. Call it inside the same
 * {@code Panache.withTransaction} as the change: both commit, or neither does.
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
}
