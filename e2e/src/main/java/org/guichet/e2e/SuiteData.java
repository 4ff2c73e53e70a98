package org.guichet.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.guichet.testing.TestRows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What a running suite holds, read from outside as an auditor would: each service's database (SQL, read
 * only), every record on its topics, its consumer groups' committed offsets. The end-to-end, scale-out and
 * fault suites check their guarantees against these, never against what the services say of themselves.
 */
public final class SuiteData {
    public static final String[] SERVICES = {"billing", "cart", "payment", "notification", "reporting"};
    /** Every topic of the suite (Topics.java), present and future. */
    private static final Pattern TOPICS = Pattern.compile("guichet\\..*");
    private static final String AUDIT_GROUP = "audit-";

    private final String databasePrefix;
    private final int pgPort;
    private final String bootstrap;

    /** {@code databasePrefix}: {@code guichet_e2e_}, {@code guichet_scale_}, …; the broker on 127.0.0.1:kafkaPort. */
    public SuiteData(String databasePrefix, int pgPort, int kafkaPort) {
        this.databasePrefix = databasePrefix;
        this.pgPort = pgPort;
        this.bootstrap = "127.0.0.1:" + kafkaPort;
    }

    /** One service's database, to read what it stored. */
    public TestRows db(String service) {
        return TestRows.database(databasePrefix + service, pgPort);
    }

    /** A count (or any single number) from one service's database; a Collection parameter is a text[]. */
    public long count(String service, String sql, Object... params) {
        return db(service).scalar(sql, params);
    }

    /** Events committed in any service and not yet on Kafka. */
    public long outboxBacklog() {
        long backlog = 0;
        for (String s : SERVICES) {
            backlog += count(s, "select count(*) from outbox_event where sent_at is null");
        }
        return backlog;
    }

    /** Per service, the position (outbox seq) of its newest event not yet on Kafka; services with none are absent. */
    public Map<String, Long> unsentUpTo() {
        Map<String, Long> marks = new HashMap<>();
        for (String s : SERVICES) {
            long seq = count(s, "select coalesce(max(seq), -1) from outbox_event where sent_at is null");
            if (seq >= 0) {
                marks.put(s, seq);
            }
        }
        return marks;
    }

    /** How many of the events that were waiting at {@code marks} still wait (newer ones are not counted). */
    public long stillUnsent(Map<String, Long> marks) {
        long waiting = 0;
        for (var m : marks.entrySet()) {
            waiting += count(m.getKey(), "select count(*) from outbox_event where sent_at is null and seq <= ?", m.getValue());
        }
        return waiting;
    }

    /** Events applied by the consumers of every service since {@code since} (one row per consumer and event). */
    public long appliedSince(Instant since) {
        long applied = 0;
        for (String s : SERVICES) {
            applied += count(s, "select count(*) from processed_event where processed_at >= ?",
                    java.sql.Timestamp.from(since));
        }
        return applied;
    }

    /** Records the services' consumer groups have not committed yet, all together: zero once everything is consumed. */
    public long consumerLag() {
        return lagByGroup().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Per consumer group of the services, the records between its committed offsets and the ends of the
     * partitions it reads. The auditors' own groups ({@code audit-…}) are left out.
     */
    public Map<String, Long> lagByGroup() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000))) {
            Map<String, Long> lag = new HashMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(15, TimeUnit.SECONDS)) {
                if (group.groupId().startsWith(AUDIT_GROUP)) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
                long behind = 0;
                for (var e : committed.entrySet()) {
                    if (e.getValue() != null) {
                        behind += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
                lag.put(group.groupId(), behind);
            }
            return lag;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read the consumer groups' offsets: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A record as the auditors see it: its headers of interest and its JSON value. */
    public record Event(String topic, String eventId, String type, String key, String value, Instant timestamp) {
    }

    /**
     * Every record of every topic, from the beginning, read by a consumer group of its own until the topics
     * have been quiet for a few seconds.
     */
    public List<Event> readAll() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, AUDIT_GROUP + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<Event> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(TOPICS);
            Instant quietUntil = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(quietUntil)) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> r : records) {
                    all.add(new Event(r.topic(), header(r, "event-id"), header(r, "event-type"), r.key(), r.value(),
                            Instant.ofEpochMilli(r.timestamp())));
                }
                if (!records.isEmpty()) {
                    quietUntil = Instant.now().plusSeconds(5);
                }
            }
        }
        return all;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
