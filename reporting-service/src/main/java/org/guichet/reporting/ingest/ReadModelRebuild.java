package org.guichet.reporting.ingest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;

/**
 * Rebuilds the read model from scratch by replaying the topics: what the events built is wiped (with the
 * consumer's record of the events it applied), then the consumer goes back to the start of every
 * partition it holds and applies every event again. Bank statements and their matches, which finance
 * imported and no event carries, stay. An event applied between the wipe and the seek is recorded again
 * and skipped on its replay: nothing is applied twice. The topics keep their events for this (their
 * retention is unlimited in deploy/).
 */
@ApplicationScoped
public class ReadModelRebuild {
    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    @Inject
    KafkaClientService kafka;

    public record Started(int partitions) {
    }

    public Uni<Started> rebuild() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "truncate transaction_record, transaction_refund, event_log").executeUpdate()
                        .chain(() -> s.createNativeQuery("delete from processed_event where consumer = ?1")
                                .setParameter(1, EventIngestor.CONSUMER).executeUpdate())))
                .chain(() -> {
                    List<KafkaConsumer<Object, Object>> consumers = kafka.getConsumers("events");
                    return Multi.createFrom().iterable(consumers).onItem().transformToUniAndConcatenate(consumer ->
                                    consumer.getAssignments().call(consumer::seekToBeginning).map(Set::size))
                            .collect().asList().map(sizes -> sizes.stream().mapToInt(Integer::intValue).sum());
                })
                .invoke(partitions -> LOG.infof("read model wiped; replaying %d partitions from the start", partitions))
                .map(Started::new);
    }
}
