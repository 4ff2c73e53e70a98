package org.guichet.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "guichet.outbox")
public interface OutboxConfig {
    /** How many events one relay pass takes. */
    @WithDefault("200")
    int batchSize();

    /** How long relayed events are kept (for audit and re-emission) before they are purged. */
    @WithDefault("P7D")
    Duration retention();
}
