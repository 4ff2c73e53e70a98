package org.guichet.platform.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.Properties;

/**
 * A {@link KafkaConnection#reliableProducer reliable producer} made on first use rather than at start-up:
 * a service starts, and serves what needs no broker, while Kafka is still away. Thread-safe; close it at
 * shutdown.
 */
public final class LazyProducer {
    private final Config config;
    private final String clientId;
    private final Properties extra;
    private volatile KafkaProducer<String, String> producer;

    public LazyProducer(Config config, String clientId, Properties extra) {
        this.config = config;
        this.clientId = clientId;
        this.extra = extra;
    }

    public KafkaProducer<String, String> get() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = KafkaConnection.reliableProducer(config, clientId, extra);
                }
                p = producer;
            }
        }
        return p;
    }

    /** Flushes and closes the producer if one was made. */
    public void close() {
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
