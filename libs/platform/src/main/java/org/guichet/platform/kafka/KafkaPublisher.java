package org.guichet.platform.kafka;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.platform.tracing.TraceParent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The outbox relay's producer: idempotent, acks from all in-sync replicas, bounded waits so a
 * missing broker shows up as a failed pass instead of a stuck thread. Blocking by design; it is
 * only called from the relay's worker thread.
 */
@ApplicationScoped
public class KafkaPublisher {

    /** {@code traceParent}: the W3C trace context of the change that wrote the event, or null. */
    public record OutgoingEvent(UUID id, String topic, String key, String type, String envelope, String traceParent) {
    }

    /** The ids acknowledged by the broker (a prefix of the batch) and the first failure, if any. */
    public record Result(List<UUID> sent, UUID failedId, String error) {
    }


    private final LazyProducer producer;

    KafkaPublisher(@ConfigProperty(name = "quarkus.application.name") String clientId, Config config) {
        Properties lingering = new Properties();
        lingering.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        this.producer = new LazyProducer(config, clientId + "-outbox", lingering);
    }

    public Result sendInOrder(List<OutgoingEvent> events) {
        KafkaProducer<String, String> p = producer.get();
        List<Future<?>> acks = new ArrayList<>(events.size());
        for (OutgoingEvent e : events) {
            ProducerRecord<String, String> record = new ProducerRecord<>(e.topic(), e.key(), e.envelope());
            record.headers().add("event-type", e.type().getBytes(StandardCharsets.UTF_8));
            record.headers().add("event-id", e.id().toString().getBytes(StandardCharsets.UTF_8));
            if (e.traceParent() != null) {
                record.headers().add(TraceParent.HEADER, e.traceParent().getBytes(StandardCharsets.UTF_8));
            }
            Future<?> ack;
            try {
                ack = p.send(record);
            } catch (RuntimeException ex) {
                break; // refused outright: the rest waits for the next pass
            }
            acks.add(ack);
            if (ack.isDone() && failed(ack)) {
                // no metadata within max.block.ms: each further send would block as long again
                break;
            }
        }
        return firstFailure(events, acks);
    }

    /** Sent ids are the acknowledged prefix; the first record not acknowledged is the failure. */
    private static Result firstFailure(List<OutgoingEvent> events, List<Future<?>> acks) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(events.get(i).id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(sent, events.get(i).id(), "interrupted");
            } catch (ExecutionException | TimeoutException e) {
                return new Result(sent, events.get(i).id(), String.valueOf(e.getCause() != null ? e.getCause() : e));
            }
        }
        if (acks.size() < events.size()) {
            return new Result(sent, events.get(acks.size()).id(), "not sent: broker unavailable");
        }
        return new Result(sent, null, null);
    }

    private static boolean failed(Future<?> ack) {
        try {
            ack.get(0, TimeUnit.MILLISECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return true;
        }
    }

    void close(@Observes ShutdownEvent ignored) {
        producer.close();
    }
}
