package org.guichet.platform.consumer;

import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.events.payload.AccountClosed;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** M7: each event type is taken only from the service that publishes it. */
class EventOriginTest {

    private static EventEnvelope from(String producer, EventType type, Object payload) {
        return EventEnvelope.of(type, Instant.now(), producer, "lib-kladno", "s-1", null, payload);
    }

    @Test
    void M7_anEventOfAnotherServicesTypeIsRefusedAndItsOwnersTaken() {
        AccountClosed closed = new AccountClosed("acc-1", Instant.now(), "agent-1");
        assertNotNull(EventOrigin.refusal(from("notification-service", EventType.ACCOUNT_CLOSED, closed)));
        assertNotNull(EventOrigin.refusal(from("payment-service", EventType.ACCOUNT_CLOSED, closed)));
        assertNull(EventOrigin.refusal(from("billing-service", EventType.ACCOUNT_CLOSED, closed)));
    }
}
