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
import org.guichet.testing.infra.TestDatabases;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final String databasePrefix;
    private final int pgPort;
    private final String bootstrap;

    /** {@code databasePrefix}: {@code guichet_e2e_}, {@code guichet_scale_}, …; the broker on 127.0.0.1:kafkaPort. */
    public SuiteData(String databasePrefix, int pgPort, int kafkaPort) {
        this.databasePrefix = databasePrefix;
        this.pgPort = pgPort;
        this.bootstrap = "127.0.0.1:" + kafkaPort;
    }

    /** A count (or any single number) from one service's database. */
    public long count(String service, String sql) {
        return query(service, sql, new Object[0]);
    }

    /** The same with parameters; a String[] parameter is a text[] (for {@code = any(?)}). */
    public long count(String service, String sql, Object param, Object... more) {
        Object[] params = new Object[more.length + 1];
        params[0] = param;
        System.arraycopy(more, 0, params, 1, more.length);
        return query(service, sql, params);
    }

    private long query(String service, String sql, Object[] params) {
        try (Connection c = connect(service); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String[] values) {
                    Array array = c.createArrayOf("text", values);
                    st.setArray(i + 1, array);
                } else {
                    st.setObject(i + 1, params[i]);
                }
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service + ": " + sql + ": " + e.getMessage(), e);
        }
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

    /**
     * Records the services' consumer groups have not committed yet, over every partition they read: zero
     * once everything published has been consumed. Groups of the auditors' own taps are not counted.
     */
    public long consumerLag() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000))) {
            long lag = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(15, TimeUnit.SECONDS)) {
                if (!group.groupId().endsWith("-service")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
                for (var e : committed.entrySet()) {
                    long end = ends.get(e.getKey()).offset();
                    lag += Math.max(0, end - (e.getValue() == null ? 0 : e.getValue().offset()));
                }
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
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "audit-" + UUID.randomUUID());
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

    private Connection connect(String service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/" + databasePrefix + service,
                TestDatabases.USER, TestDatabases.PASSWORD);
    }
}
