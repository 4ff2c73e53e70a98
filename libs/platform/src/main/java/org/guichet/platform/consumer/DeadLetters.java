package org.guichet.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.platform.kafka.KafkaConnection;
import org.guichet.platform.kafka.LazyProducer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The service's dead-letter topic (H3): events a consumer could not apply after a few attempts while
 * its database answered, with the consumer, the reason and the topic they came from in headers.
 * Counted on /q/metrics as {@code guichet_events_dead_lettered_total{consumer}}. A replay sends the
 * event back to its own topic under the same id (the consumers that applied it pass it over as a
 * duplicate) and appends a marker, so the dead letter is no longer listed unless it fails again.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    static final String EVENT_ID = "event-id";
    static final String EVENT_TYPE = "event-type";
    static final String CONSUMER = "dead-letter-consumer";
    static final String TOPIC = "dead-letter-topic";
    static final String REASON = "dead-letter-reason";
    static final String REPLAYED = "dead-letter-replayed";
    private static final int MAX_REASON = 500;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private record Entry(DeadLetter letter, String envelope) {
    }

    private final DeadLetterConfig config;
    private final MeterRegistry registry;
    private final Config kafkaConfig;
    private final String service;
    private final LazyProducer producer;

    @Inject
    public DeadLetters(DeadLetterConfig config, MeterRegistry registry, Config kafkaConfig,
                       @ConfigProperty(name = "quarkus.application.name") String service) {
        this.config = config;
        this.registry = registry;
        this.kafkaConfig = kafkaConfig;
        this.service = service;
        this.producer = new LazyProducer(kafkaConfig, service + "-dead-letters", new Properties());
    }

    public String topic() {
        return config.topic().orElse(Topics.deadLetters(service));
    }

    /** Sets the event aside (acknowledged by the broker, or a failure to retry) and counts it. */
    Uni<Void> send(String consumer, EventEnvelope envelope, String raw, Throwable cause) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic(), envelope.subjectId(), raw);
        header(record, EVENT_ID, envelope.eventId().toString());
        header(record, EVENT_TYPE, envelope.type());
        header(record, CONSUMER, consumer);
        originalTopic(envelope).ifPresent(t -> header(record, TOPIC, t));
        String reason = String.valueOf(cause);
        header(record, REASON, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
        return blocking(() -> sendAndWait(record)).invoke(() -> {
            registry.counter("guichet.events.dead.lettered", "consumer", consumer).increment();
            LOG.errorf("%s: %s %s dead-lettered to %s after %d attempts: %s", consumer, envelope.type(),
                    envelope.eventId(), topic(), config.attempts() + 1, reason);
        });
    }

    /** The dead letters of one institution not replayed since (blocking: reads the topic from its start). */
    public List<DeadLetter> list(String tenant) {
        return open(tenant).stream().map(Entry::letter).toList();
    }

    /**
     * Sends the event back to its topic and marks its dead letters replayed (blocking); empty when the
     * institution has no open dead letter with that id.
     */
    public Optional<DeadLetter> replay(String tenant, UUID eventId) {
        List<Entry> entries = open(tenant).stream().filter(e -> e.letter().eventId().equals(eventId)).toList();
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Entry last = entries.get(entries.size() - 1);
        DeadLetter letter = last.letter();
        if (letter.topic() == null) {
            throw new IllegalStateException("dead letter " + eventId + " names no topic to replay it to");
        }
        ProducerRecord<String, String> again = new ProducerRecord<>(letter.topic(), letter.subjectId(), last.envelope());
        header(again, EVENT_ID, eventId.toString());
        header(again, EVENT_TYPE, letter.type());
        sendAndWait(again);
        for (Entry e : entries) {
            ProducerRecord<String, String> marker = new ProducerRecord<>(topic(), letter.subjectId(), null);
            header(marker, EVENT_ID, eventId.toString());
            header(marker, CONSUMER, e.letter().consumer());
            header(marker, REPLAYED, Instant.now().toString());
            sendAndWait(marker);
        }
        return Optional.of(letter);
    }

    private List<Entry> open(String tenant) {
        Map<String, Entry> open = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : readAll()) {
            String key = header(r, CONSUMER) + "/" + header(r, EVENT_ID);
            if (header(r, REPLAYED) != null) {
                open.remove(key);
                continue;
            }
            EventEnvelope envelope;
            try {
                envelope = EventJson.read(r.value());
            } catch (RuntimeException e) { // MalformedEventException included
                continue;
            }
            if (tenant.equals(envelope.tenant())) {
                open.remove(key); // the latest failure of the same event comes last
                open.put(key, new Entry(new DeadLetter(envelope.eventId(), envelope.type(), envelope.tenant(),
                        envelope.subjectId(), header(r, CONSUMER), header(r, TOPIC), header(r, REASON),
                        Instant.ofEpochMilli(r.timestamp())), r.value()));
            }
        }
        return new ArrayList<>(open.values());
    }

    /** Every record of the dead-letter topic, partition by partition (one event's records share a partition). */
    private List<ConsumerRecord<String, String>> readAll() {
        Properties props = KafkaConnection.properties(kafkaConfig, service + "-dead-letters");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            if (!consumer.listTopics(WAIT).containsKey(topic())) {
                return records;
            }
            List<TopicPartition> partitions = consumer.partitionsFor(topic(), WAIT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WAIT);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p, WAIT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the dead-letter topic " + topic() + " could not be read in time");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        records.sort(Comparator.comparingInt(ConsumerRecord<String, String>::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    private Void sendAndWait(ProducerRecord<String, String> record) {
        try {
            producer.get().send(record).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the record for " + record.topic(), e);
        }
    }

    /** Blocking work on a worker thread; the result comes back on the caller's Vert.x context. */
    private static <T> Uni<T> blocking(Callable<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(() -> {
                try {
                    return work.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
    }

    private static Optional<String> originalTopic(EventEnvelope envelope) {
        try {
            return Optional.of(EventType.byName(envelope.type()).topic());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    void close(@Observes ShutdownEvent ignored) {
        producer.close();
    }
}
