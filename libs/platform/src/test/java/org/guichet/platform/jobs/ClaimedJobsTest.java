package org.guichet.platform.jobs;

import org.guichet.platform.lifecycle.GracefulStop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClaimedJobsTest {
    final GracefulStop stop = new GracefulStop();

    @Test
    void a_pass_claims_while_there_is_work_and_no_more_than_its_bound() {
        AtomicInteger queue = new AtomicInteger(5);
        assertEquals(5, ClaimedJobs.drain("test", 100, stop, () -> queue.getAndUpdate(n -> Math.max(0, n - 1)) > 0));
        assertEquals(0, queue.get());
        queue.set(50);
        assertEquals(10, ClaimedJobs.drain("test", 10, stop, () -> queue.getAndDecrement() > 0));
        assertEquals(40, queue.get(), "the rest waits for the next pass");
    }

    @Test
    void a_failure_ends_the_pass_without_escaping() {
        AtomicInteger calls = new AtomicInteger();
        int done = ClaimedJobs.drain("test", 100, stop, () -> {
            if (calls.incrementAndGet() == 3) {
                throw new IllegalStateException("database gone");
            }
            return true;
        });
        assertEquals(2, done);
        assertEquals(3, calls.get());
    }

    @Test
    void the_wait_doubles_from_the_first_and_stops_at_the_longest() {
        BackOff b = new BackOff(Duration.ofSeconds(30), Duration.ofHours(1));
        assertEquals(Duration.ofSeconds(30), b.after(1));
        assertEquals(Duration.ofSeconds(60), b.after(2));
        assertEquals(Duration.ofSeconds(30 * 64), b.after(7));
        assertEquals(Duration.ofHours(1), b.after(8));
        assertEquals(Duration.ofHours(1), b.after(1_000));
        assertEquals(Duration.ofSeconds(30), b.after(0));
        assertThrows(IllegalArgumentException.class, () -> new BackOff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new BackOff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
