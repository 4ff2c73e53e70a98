package org.guichet.platform.consumer;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** H3: what may be dead-lettered (the event's own failure) and what is waited out (an outage). */
class PoisonOrOutageTest {

    @Test
    void H3_an_outage_is_never_taken_for_a_poison_event() {
        assertTrue(IdempotentConsumer.infrastructure(new RetryLater("gateway unreachable")));
        assertTrue(IdempotentConsumer.infrastructure(new CompletionException(new ConnectException("refused"))));
        assertTrue(IdempotentConsumer.infrastructure(new PgException("terminating connection", "FATAL", "57P01", null)));
        assertTrue(IdempotentConsumer.infrastructure(new PgException("deadlock detected", "ERROR", "40P01", null)));
        assertTrue(IdempotentConsumer.infrastructure(new IllegalStateException(new PgException("too many clients",
                "FATAL", "53300", null))));
    }

    @Test
    void H3_a_failure_of_the_event_itself_is_poison() {
        assertFalse(IdempotentConsumer.infrastructure(new IllegalArgumentException("Unsupported ISO 4217 currency code")));
        assertFalse(IdempotentConsumer.infrastructure(new ArithmeticException("long overflow")));
        assertFalse(IdempotentConsumer.infrastructure(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(IdempotentConsumer.infrastructure(new NullPointerException()));
    }
}
