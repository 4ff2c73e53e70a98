package org.guichet.platform.faults;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.Optional;

/**
 * Halts the JVM at a configured crash point ({@link FaultsConfig}). {@link Runtime#halt} runs no shutdown
 * hook and flushes nothing: what the process had not committed is lost, exactly as with {@code kill -9}.
 */
@ApplicationScoped
public class CrashPoints {
    /** The exit status of a halted service (128 + SIGKILL, what a killed process reports). */
    public static final int HALTED = 137;

    @Inject
    FaultsConfig config;

    /** The relay claimed these event types and is about to send them. */
    public void beforePublish(Collection<String> types) {
        haltIfAny(config.haltBeforePublish(), types, "before publishing");
    }

    /** The broker acknowledged these event types; the relay has not marked them sent. */
    public void afterPublish(Collection<String> types) {
        haltIfAny(config.haltAfterPublish(), types, "after publishing, before marking sent");
    }

    /** A consumer committed the effect of an event of this type; its offset is not committed yet. */
    public void afterApply(String consumer, String type) {
        haltIfAny(config.haltAfterApply(), java.util.List.of(type), "after " + consumer + " applied it, before the offset commit");
    }

    private static void haltIfAny(Optional<String> point, Collection<String> types, String where) {
        if (point.isPresent() && types.contains(point.get())) {
            // straight to stderr: a logging handler may buffer, and nothing runs after halt
            System.err.println("guichet.faults: halting " + where + " (" + point.get() + ")");
            System.err.flush();
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
