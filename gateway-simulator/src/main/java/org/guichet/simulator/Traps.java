package org.guichet.simulator;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The switches that spring docs/gateways.md's traps, shared by every simulated gateway and set over
 * {@code POST /_control/traps}: callbacks late, never, many times at once, or after the browser;
 * API answers slow or failing.
 */
public final class Traps {
    /** Milliseconds before a server-to-server callback is sent (the browser may return first). */
    public volatile long callbackDelayMs;
    /** Callbacks are never sent: only a status look-up finds the result. */
    public volatile boolean dropCallbacks;
    /** How many copies of each callback are sent, concurrently. */
    public volatile int callbackCopies = 1;
    /** Milliseconds every API answer is held back (a slow gateway). */
    public volatile long apiDelayMs;
    /** The next N payment creations answer 503 (the gateway is down). */
    public final AtomicInteger failNextCreates = new AtomicInteger();
    /** Refunds are refused as a gateway refuses them once the card or account is gone. */
    public volatile boolean refuseRefunds;

    public void reset() {
        callbackDelayMs = 0;
        dropCallbacks = false;
        callbackCopies = 1;
        apiDelayMs = 0;
        failNextCreates.set(0);
        refuseRefunds = false;
    }
}
