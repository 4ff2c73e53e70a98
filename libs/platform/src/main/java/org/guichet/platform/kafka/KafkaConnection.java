package org.guichet.platform.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Properties;

/**
 * How this service's own Kafka clients (the outbox relay, the dead letters) connect: the broker and the
 * connection's security as the SmallRye Kafka channels read them from {@code kafka.*} (e.g. KAFKA_SECURITY_PROTOCOL,
 * KAFKA_SASL_JAAS_CONFIG in deploy/), so that every client of a service connects as the same Kafka user.
 */
public final class KafkaConnection {
    private static final List<String> SECURITY = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "ssl.truststore.type", "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.certificates",
            "ssl.keystore.type", "ssl.keystore.location", "ssl.keystore.password", "ssl.keystore.certificate.chain",
            "ssl.keystore.key", "ssl.key.password", "ssl.endpoint.identification.algorithm");

    private KafkaConnection() {
    }

    /** The broker, a client id and the connection's security. */
    public static Properties properties(Config config, String clientId) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers", String.class));
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        for (String name : SECURITY) {
            config.getOptionalValue("kafka." + name, String.class).ifPresent(value -> props.put(name, value));
        }
        return props;
    }

    /** A producer that waits for every replica and never writes a record twice, failing within seconds. */
    public static KafkaProducer<String, String> reliableProducer(Config config, String clientId, Properties extra) {
        Properties props = properties(config, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.putAll(extra);
        return new KafkaProducer<>(props);
    }
}
