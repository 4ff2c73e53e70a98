package org.guichet.platform.jobs;

import org.guichet.platform.lifecycle.GracefulStop;
import org.jboss.logging.Logger;

import java.util.function.BooleanSupplier;

/**
 * The pass of a blocking background job whose rows are claimed {@code FOR UPDATE SKIP LOCKED}, one claim per
 * transaction (the outbox relay, the email sender, the fine publisher): claims again while a claim found work, up
 * to a bound so a long queue does not hold the scheduler's thread, each claim a {@link GracefulStop} step (work
 * begun is finished and committed before the service stops). A failure ends the pass with one warning: its
 * transaction rolled back, the rows are claimed again by the next pass, here or on another replica.
 */
public final class ClaimedJobs {
    private static final Logger LOG = Logger.getLogger(ClaimedJobs.class);

    private ClaimedJobs() {
    }

    /** Runs {@code claimOne} until it finds nothing, at most {@code maxClaims} times; answers how many found work. */
    public static int drain(String job, int maxClaims, GracefulStop stop, BooleanSupplier claimOne) {
        int done = 0;
        try {
            while (done < maxClaims && stop.step(claimOne::getAsBoolean).orElse(false)) {
                done++;
            }
        } catch (RuntimeException e) {
            LOG.warnf("%s: pass failed after %d, will retry: %s", job, done, e.getMessage());
        }
        return done;
    }
}
