package org.guichet.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every Guichet event travels in. {@code subjectId} is the aggregate id and the
 * Kafka key, so one invoice's or one payment's events stay in order on their partition.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String producer,
        String tenant,
        String subjectId,
        String correlationId,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
        if (correlationId == null) {
            correlationId = eventId.toString();
        }
    }

    /** Wraps a typed payload; its event type and version come from the {@link EventType}. */
    public static EventEnvelope of(EventType type, Instant occurredAt, String producer, String tenant,
                                   String subjectId, String correlationId, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), type.typeName(), type.version(), occurredAt, producer,
                tenant, subjectId, correlationId, EventJson.MAPPER.valueToTree(payload));
    }

    public <T> T payloadAs(Class<T> payloadType) {
        return EventJson.MAPPER.convertValue(payload, payloadType);
    }

    public boolean is(EventType eventType) {
        return eventType.typeName().equals(type);
    }

    /** PaymentFailed or PaymentExpired: the payment ended without money (one payload for both). */
    public boolean isPaymentWithoutMoney() {
        return is(EventType.PAYMENT_FAILED) || is(EventType.PAYMENT_EXPIRED);
    }
}
