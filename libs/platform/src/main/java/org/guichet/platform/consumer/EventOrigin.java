package org.guichet.platform.consumer;

import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;

/**
 * M7: a consumer takes an event only from the service that publishes its type ({@link EventType#producer}):
 * a PaymentSettled that notification-service wrote is not a payment. Kafka's ACLs (deploy/) keep each service to
 * its own topics; this keeps each type to its own producer. Types of unknown name and types published from
 * outside the suite (the library system's loans) are left to the consumer.
 */
final class EventOrigin {
    private EventOrigin() {
    }

    /** Why the event is refused, or null when its producer may publish it. */
    static String refusal(EventEnvelope envelope) {
        EventType type;
        try {
            type = EventType.byName(envelope.type());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        String owner = type.producer();
        return owner == null || owner.equals(envelope.producer()) ? null
                : envelope.type() + " comes from " + envelope.producer() + ", not from " + owner;
    }
}
