package org.guichet.reporting.ingest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.platform.error.Problems;
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
    @ConfigProperty(name = "mp.messaging.incoming.events.topics")
    List<String> topics;

    public record Started(int partitions) {
    }

    public Uni<Started> rebuild() {
        // the Kafka client answers on its own thread: back to the request's context for the database
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return holdsEveryPartition().emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
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
                .map(Started::new));
    }

    /**
     * Only a consumer that holds every partition can replay them all: with another replica running, the wipe
     * would lose what that replica's partitions built (M5). Refused with a 409 before anything is wiped.
     */
    private Uni<Void> holdsEveryPartition() {
        List<KafkaConsumer<Object, Object>> consumers = kafka.getConsumers("events");
        if (consumers.isEmpty()) {
            throw Problems.conflict("rebuild-needs-one-replica", "The read model's consumer is not running");
        }
        KafkaConsumer<Object, Object> consumer = consumers.get(0);
        return Multi.createFrom().iterable(topics).onItem().transformToUniAndConcatenate(consumer::partitionsFor)
                .collect().asList().map(all -> all.stream().mapToInt(List::size).sum())
                .flatMap(total -> Multi.createFrom().iterable(consumers).onItem()
                        .transformToUniAndConcatenate(KafkaConsumer::getAssignments)
                        .collect().asList().invoke(held -> {
                            if (held.stream().mapToInt(Set::size).sum() < total) {
                                throw Problems.conflict("rebuild-needs-one-replica", "Another replica of reporting-service "
                                        + "holds some of the partitions: scale it to one replica, then rebuild");
                            }
                        })).replaceWithVoid();
    }
}
