package org.guichet.platform.consumer;

/**
 * An event's effect could not run because an outside service (a payment gateway) is unavailable: the
 * consumer retries it until it passes and never dead-letters it, as when its database is down.
 */
public class RetryLater extends RuntimeException {
    public RetryLater(String message) {
        super(message);
    }
}
