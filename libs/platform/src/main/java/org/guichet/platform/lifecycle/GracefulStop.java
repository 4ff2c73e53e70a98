package org.guichet.platform.lifecycle;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Lets a background job finish the step it is in when the service is asked to stop, before the
 * database pool closes. The email sender hands a message to SMTP and then marks it sent: stopped in
 * between (the pool closed under it), the mark rolled back and another replica sent the email again
 * — seen in the scale-out test, where instances are stopped with SIGTERM under load. Steps are run
 * through {@link #step}; once stopping, no new step starts, and the shutdown waits for the one under way.
 */
@ApplicationScoped
public class GracefulStop {
    private static final Logger LOG = Logger.getLogger(GracefulStop.class);
    static final Duration WAIT = Duration.ofSeconds(10);

    private final ReentrantReadWriteLock inStep = new ReentrantReadWriteLock();
    private volatile boolean stopping;

    /** Runs one step of a job, or nothing (empty) once the service is stopping. */
    public <T> Optional<T> step(Supplier<T> work) {
        if (stopping || !inStep.readLock().tryLock()) {
            return Optional.empty();
        }
        try {
            return stopping ? Optional.empty() : Optional.ofNullable(work.get());
        } finally {
            inStep.readLock().unlock();
        }
    }

    public boolean stopping() {
        return stopping;
    }

    /** Early in the shutdown (beans and the pool still there): no new step, and the current ones end. */
    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
        try {
            if (inStep.writeLock().tryLock(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                inStep.writeLock().unlock();
            } else {
                LOG.warnf("a background step still running after %s: stopping anyway", WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
