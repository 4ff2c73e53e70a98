package org.guichet.platform.faults;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * Crash points for the fault suite ({@code ./guichet chaos}): each names an event type, and the service
 * halts at that point the first time it handles an event of that type — as a {@code kill -9} would, at an
 * instant no outside signal can hit. None is set in any configuration file: they exist only for the
 * {@code -D} options the fault suite starts a service with.
 */
@ConfigMapping(prefix = "guichet.faults")
public interface FaultsConfig {
    /** The relay claimed an event of this type, committed by its change, and halts before sending it. */
    Optional<String> haltBeforePublish();

    /** The broker acknowledged an event of this type and the relay halts before marking it sent. */
    Optional<String> haltAfterPublish();

    /** A consumer committed the effect of an event of this type and halts before Kafka has its offset. */
    Optional<String> haltAfterApply();
}
