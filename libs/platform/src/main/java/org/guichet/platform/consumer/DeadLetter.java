package org.guichet.platform.consumer;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a consumer set aside because it kept failing (H3): still on its service's dead-letter topic,
 * not replayed since. {@code topic} is where a replay sends it back.
 */
public record DeadLetter(UUID eventId, String type, String tenant, String subjectId, String consumer, String topic,
                         String reason, Instant deadLetteredAt) {
}
