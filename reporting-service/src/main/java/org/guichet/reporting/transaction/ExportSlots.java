package org.guichet.reporting.transaction;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.guichet.platform.error.Problems;
import org.jboss.logging.Logger;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * L9: the CSV streams running on this replica, each holding a JDBC connection: at most
 * {@link ExportLimits#maxStreams()} (503 beyond), {@link ExportLimits#perUser()} per user (429 beyond),
 * and a stream whose reader takes no bytes for {@link ExportLimits#writeTimeout()} is reset, which ends
 * the COPY and gives the connection back.
 */
@ApplicationScoped
public class ExportSlots {
    private static final Logger LOG = Logger.getLogger(ExportSlots.class);

    private final ExportLimits limits;
    private final Vertx vertx;
    private final Semaphore streams;
    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();

    ExportSlots(ExportLimits limits, Vertx vertx) {
        this.limits = limits;
        this.vertx = vertx;
        this.streams = new Semaphore(limits.maxStreams());
    }

    /** A slot for one stream of {@code user} answering {@code request}; freed when the response ends either way. */
    public Slot take(String user, RoutingContext request) {
        long retry = limits.retryAfter().toSeconds();
        boolean[] taken = {false};
        perUser.compute(user, (k, n) -> {
            int running = n == null ? 0 : n;
            if (running >= limits.perUser()) {
                return n;
            }
            taken[0] = true;
            return running + 1;
        });
        if (!taken[0]) {
            throw Problems.tooMany("too-many-exports", "You already have " + limits.perUser()
                    + " exports running: wait for one to finish", retry);
        }
        if (!streams.tryAcquire()) {
            leave(user);
            throw Problems.unavailable("exports-busy", "Too many exports are running: please retry shortly", retry);
        }
        Slot slot = new Slot(user, request);
        request.addEndHandler(ended -> slot.release());
        return slot;
    }

    /** Streams running now (for tests and metrics). */
    public int running() {
        return limits.maxStreams() - streams.availablePermits();
    }

    private void leave(String user) {
        perUser.computeIfPresent(user, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** One stream's slot: {@link #watch} its output, {@link #release} it once (more calls do nothing). */
    public final class Slot {
        private final String user;
        private final RoutingContext request;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile long timer = -1;

        private Slot(String user, RoutingContext request) {
            this.user = user;
            this.request = request;
        }

        /** The response's output, cut off when one write waits longer than the write timeout. */
        public OutputStream watch(OutputStream out) {
            Watched watched = new Watched(out);
            long timeout = limits.writeTimeout().toNanos();
            timer = vertx.setPeriodic(Math.max(100, limits.writeTimeout().toMillis() / 4), id -> {
                long since = watched.writingSince;
                if (since != 0 && System.nanoTime() - since > timeout) {
                    LOG.warnf("an export of %s has not been read for %s: reset", user, limits.writeTimeout());
                    vertx.cancelTimer(id);
                    request.response().reset();
                }
            });
            if (released.get()) {
                vertx.cancelTimer(timer);
            }
            return watched;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                if (timer >= 0) {
                    vertx.cancelTimer(timer);
                }
                streams.release();
                leave(user);
            }
        }
    }

    /** Remembers since when a write has been waiting for the reader (0: none is). */
    private static final class Watched extends FilterOutputStream {
        volatile long writingSince;

        Watched(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            writingSince = System.nanoTime() | 1;
            try {
                out.write(b);
            } finally {
                writingSince = 0;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writingSince = System.nanoTime() | 1;
            try {
                out.write(b, off, len);
            } finally {
                writingSince = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            writingSince = System.nanoTime() | 1;
            try {
                out.flush();
            } finally {
                writingSince = 0;
            }
        }
    }
}
