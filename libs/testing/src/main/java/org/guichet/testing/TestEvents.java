package org.guichet.testing;

import org.guichet.events.EventEnvelope;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;

import java.time.Instant;

/** Builds events as another service would publish them, and sends them to the test broker. */
public final class TestEvents {
    private TestEvents() {
    }

    public static String json(EventType type, String tenant, String subjectId, Object payload) {
        // as its owning service publishes it: consumers take a type only from its owner (M7)
        String producer = type.producer() != null ? type.producer() : "library-system";
        return EventJson.write(EventEnvelope.of(type, Instant.now(), producer, tenant, subjectId, null, payload));
    }

    /** Sends the event on its topic, keyed by its subject; returns the JSON sent (to send it again). */
    public static String publish(EventType type, String tenant, String subjectId, Object payload) {
        String json = json(type, tenant, subjectId, payload);
        EventTap.send(type.topic(), subjectId, json);
        return json;
    }
}
