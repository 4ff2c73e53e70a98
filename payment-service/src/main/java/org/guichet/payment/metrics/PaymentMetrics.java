package org.guichet.payment.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * What an operator watches of payments on /q/metrics: {@code guichet_payments{state,gateway}} (how many
 * payments are in each state, read from the database every few seconds, so every replica reports the
 * same whole) and {@code guichet_callbacks_rejected_total{gateway}} (callbacks whose signature did not
 * verify, counted by the replica that received them: sum them across replicas).
 */
@ApplicationScoped
@Startup
public class PaymentMetrics {
    private static final Logger LOG = Logger.getLogger(PaymentMetrics.class);

    private final MeterRegistry registry;
    private final MultiGauge byStateAndGateway;

    @Inject
    Pool pool;

    @Inject
    PaymentMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.byStateAndGateway = MultiGauge.builder("guichet.payments")
                .description("Payments in each state, per gateway").register(registry);
    }

    public void callbackRejected(String gateway) {
        Counter.builder("guichet.callbacks.rejected").description("Gateway callbacks whose signature did not verify")
                .tag("gateway", gateway).register(registry).increment();
    }

    @Scheduled(every = "${guichet.metrics.payments-interval:10s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (Row row : pool.query("select state, gateway, count(*) from payment group by state, gateway")
                    .executeAndAwait()) {
                rows.add(MultiGauge.Row.of(Tags.of("state", row.getString(0), "gateway", row.getString(1)),
                        row.getLong(2)));
            }
            byStateAndGateway.register(rows, true);
        } catch (RuntimeException e) {
            LOG.debugf("payment metrics not read this time: %s", e.getMessage());
        }
    }
}
