package org.guichet.platform.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** When an event that keeps failing is set aside, and where (H3). */
@ConfigMapping(prefix = "guichet.dead-letters")
public interface DeadLetterConfig {
    /** Attempts of an event before it is dead-lettered, provided the database still answers. */
    @WithDefault("5")
    int attempts();

    /** The pause after the first failed attempt; it doubles up to {@link #maxBackoff()}. */
    @WithDefault("PT0.2S")
    Duration backoff();

    @WithDefault("PT2S")
    Duration maxBackoff();

    /** This service's dead-letter topic; {@code guichet.<service>.dead-letters} (Topics.deadLetters) when not set. */
    Optional<String> topic();
}
