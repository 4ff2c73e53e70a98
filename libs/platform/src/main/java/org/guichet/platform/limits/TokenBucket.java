package org.guichet.platform.limits;

/**
 * Requests a client may make: {@code burst} at once, refilled at {@code perSecond}. Time is passed in
 * (nanoseconds) so the arithmetic is tested without waiting.
 */
final class TokenBucket {
    private final double perSecond;
    private final double burst;
    private double tokens;
    private long refilledAt;
    private long lastTaken;

    TokenBucket(double perSecond, int burst, long now) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
        this.lastTaken = now;
    }

    /** Takes one request's token; false when none is left. */
    synchronized boolean tryTake(long now) {
        refill(now);
        lastTaken = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Seconds until the next token (for Retry-After), at least 1. */
    synchronized long secondsUntilNext(long now) {
        refill(now);
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }

    /** Not asked for {@code idleNanos}: the client has gone and the bucket (full again) can be forgotten. */
    synchronized boolean idle(long now, long idleNanos) {
        return now - lastTaken >= idleNanos && now - lastTaken >= burst / perSecond * 1e9;
    }

    private void refill(long now) {
        tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
        refilledAt = now;
    }
}
