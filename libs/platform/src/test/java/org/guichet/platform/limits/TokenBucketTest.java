package org.guichet.platform.limits;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void a_burst_then_the_sustained_rate() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        assertTrue(bucket.tryTake(0));
        assertTrue(bucket.tryTake(0));
        assertTrue(bucket.tryTake(0));
        assertFalse(bucket.tryTake(0), "the burst is spent");
        assertEquals(1, bucket.secondsUntilNext(0));
        assertFalse(bucket.tryTake(SECOND / 4), "half a token earned");
        assertTrue(bucket.tryTake(SECOND / 2 + 1), "one token at 2 per second");
        assertFalse(bucket.tryTake(SECOND / 2 + 2));
        // a long pause refills to the burst, never beyond
        for (int i = 0; i < 3; i++) {
            assertTrue(bucket.tryTake(100 * SECOND));
        }
        assertFalse(bucket.tryTake(100 * SECOND));
    }

    @Test
    void retry_after_counts_the_seconds_to_the_next_token() {
        TokenBucket slow = new TokenBucket(0.1, 1, 0);
        assertTrue(slow.tryTake(0));
        assertEquals(10, slow.secondsUntilNext(0));
        assertEquals(5, slow.secondsUntilNext(5 * SECOND));
    }

    @Test
    void a_client_not_seen_for_a_while_is_forgotten() {
        TokenBucket bucket = new TokenBucket(1, 5, 0);
        bucket.tryTake(0);
        assertFalse(bucket.idle(60 * SECOND, 600 * SECOND));
        assertTrue(bucket.idle(601 * SECOND, 600 * SECOND));
    }
}
