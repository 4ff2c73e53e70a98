package org.guichet.payment.reconcile;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.payment.counter.CounterPayments;
import org.guichet.payment.gateway.GatewayStatus;
import org.guichet.payment.gateway.Gateways;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.payment.PaymentState;
import org.guichet.payment.payment.PaymentStateMachine;
import org.guichet.payment.regie.PaymentConfig;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Payments whose outcome we do not know — the callback never came, the browser never returned —
 * are looked up at their gateway; one still open at the gateway after {@code expire-after} is
 * expired (the gateway was asked first). An expired payment is still looked up for a day: one
 * found paid after its expiry is settled, never lost (the state table allows EXPIRED → SETTLED).
 * Every change goes through the state machine under the payment's row lock, so two replicas
 * reconciling the same payment publish one event.
 */
@ApplicationScoped
public class Reconciler {
    private static final Logger LOG = Logger.getLogger(Reconciler.class);
    static final int BATCH = 100;

    @Inject
    Gateways gateways;
    @Inject
    PaymentStateMachine stateMachine;
    @Inject
    Clock clock;
    @Inject
    PaymentConfig config;

    @Scheduled(every = "${guichet.payment.reconcile-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return reconcile().onFailure().recoverWithItem(t -> {
            LOG.warnf("reconciliation pass failed: %s", t.toString());
            return 0;
        }).replaceWithVoid();
    }

    /** One pass; answers how many payments changed state. */
    public Uni<Integer> reconcile() {
        Instant now = clock.instant();
        Duration reconcileAfter = config.reconcileAfter();
        Duration latePaymentWindow = config.latePaymentWindow();
        return Panache.withSession(() -> Payment.<Payment>find("gateway <> ?1 and gatewayRef is not null and ("
                                + "(state = ?2 and updatedAt < ?3) or (state = ?4 and updatedAt > ?5)) order by updatedAt",
                        CounterPayments.GATEWAY, PaymentState.PENDING, now.minus(reconcileAfter), PaymentState.EXPIRED,
                        now.minus(latePaymentWindow)).page(0, BATCH).list())
                .flatMap(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(p -> reconcileOne(p, now))
                        .collect().asList()
                        .map(changed -> (int) changed.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<Boolean> reconcileOne(Payment seen, Instant now) {
        return gateways.get(seen.gateway).lookup(seen).flatMap(status -> Panache.withTransaction(() ->
                Payment.byIdForUpdate(seen.id).flatMap(p -> {
                    PaymentState before = p.state;
                    boolean stillOpen = status == GatewayStatus.OPEN || status == GatewayStatus.PENDING;
                    Uni<Payment> applied = stillOpen && p.state == PaymentState.PENDING
                            && p.createdAt.isBefore(now.minus(config.expireAfter()))
                            ? stateMachine.moveTo(p, PaymentState.EXPIRED, "expiry",
                            "still " + status + " at the gateway after " + config.expireAfter().toSeconds() + " s")
                            : stateMachine.apply(p, status, "reconciler", p.gatewayRef);
                    return applied.map(after -> after.state != before);
                })));
    }
}
