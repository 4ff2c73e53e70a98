package org.guichet.reporting.transaction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * L9: each CSV stream (a COPY) holds a JDBC connection for as long as its reader reads, so streams are
 * bounded per replica and per user, and a reader that stops reading is cut off.
 */
@ConfigMapping(prefix = "guichet.exports")
public interface ExportLimits {
    /** CSV streams at once on a replica: below quarkus.datasource.jdbc.max-size, so short queries keep a connection. */
    @WithDefault("3")
    int maxStreams();

    /** CSV streams at once per user (tenant and subject); one more is answered 429. */
    @WithDefault("2")
    int perUser();

    /** A write the reader does not take within this time ends the stream and frees its connection. */
    @WithDefault("PT30S")
    Duration writeTimeout();

    /** What Retry-After says when no slot is free. */
    @WithDefault("PT10S")
    Duration retryAfter();
}
