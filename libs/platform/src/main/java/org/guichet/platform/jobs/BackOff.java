package org.guichet.platform.jobs;

import java.time.Duration;

/**
 * The one retry spacing of the background jobs (emails, automatic refunds, consumers' retries): the wait doubles
 * after each failure, from {@code first}, and never exceeds {@code longest}.
 */
public record BackOff(Duration first, Duration longest) {

    public BackOff {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("a back-off starts above zero and ends at or above its start");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt (1: {@code first}). */
    public Duration after(int attempts) {
        Duration wait = first.multipliedBy(1L << Math.min(30, Math.max(0, attempts - 1)));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
