package org.guichet.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventJson;
import org.guichet.platform.tracing.TraceParent;

import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting to be relayed, written in the same transaction as the change it describes.
 * The {@code seq} column (a database sequence, not mapped) gives the relay order.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxRecord extends PanacheEntityBase {
    @Id
    public UUID id;
    public String topic;
    public String messageKey;
    public String type;
    public String envelope;
    public Instant createdAt;
    public String traceParent;

    public static OutboxRecord of(String topic, EventEnvelope envelope) {
        OutboxRecord r = new OutboxRecord();
        r.id = envelope.eventId();
        r.topic = topic;
        r.messageKey = envelope.subjectId();
        r.type = envelope.type();
        r.envelope = EventJson.write(envelope);
        r.createdAt = envelope.occurredAt();
        r.traceParent = TraceParent.current();
        return r;
    }
}
