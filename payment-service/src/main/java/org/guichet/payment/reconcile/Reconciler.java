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
 * reconciling the same payment publish one event. Each look-up sets when the payment is asked
 * about next, later the older it is: payments a gateway can say nothing about (UNKNOWN, kept
 * pending by the rules) and a day of expired ones never crowd the newer ones out of a pass. A payment
 * checked out and never started expires too, so its bills are not held for ever.
 * <p>Timings: docs/adr/0005-sweep-windows.md.
 */
@ApplicationScoped
public class Reconciler {
    private static final Logger LOG = Logger.getLogger(Reconciler.class);
    static final int BATCH = 100;
    /** The longest a payment waits between two look-ups. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

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
        return reconcile().call(this::expireNeverStarted).onFailure().recoverWithItem(t -> {
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
                                + "(state = ?2 and updatedAt < ?3) or (state = ?4 and updatedAt > ?5)) and (nextLookupAt is null "
                                + "or nextLookupAt <= ?6) order by coalesce(nextLookupAt, updatedAt)",
                        CounterPayments.GATEWAY, PaymentState.PENDING, now.minus(reconcileAfter), PaymentState.EXPIRED,
                        now.minus(latePaymentWindow), now).page(0, BATCH).list())
                .flatMap(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(p -> reconcileOne(p, now))
                        .collect().asList()
                        .map(changed -> (int) changed.stream().filter(Boolean::booleanValue).count()));
    }

    /**
     * Payments checked out but never started at their gateway (the citizen left before the hosted page):
     * nothing exists at the gateway to ask, so after {@code expire-after} they expire, which ends their claims
     * and gives the bills back to the cart. Answers how many expired.
     */
    public Uni<Integer> expireNeverStarted() {
        Instant cutoff = clock.instant().minus(config.expireAfter());
        return Panache.withSession(() -> Payment.<Payment>find("state = ?1 and gatewayRef is null and createdAt < ?2 "
                        + "order by createdAt", PaymentState.CREATED, cutoff).page(0, BATCH).list())
                .flatMap(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(seen -> Panache.withTransaction(() ->
                                Payment.byIdForUpdate(seen.id).flatMap(p -> p.state == PaymentState.CREATED && p.gatewayRef == null
                                        ? stateMachine.moveTo(p, PaymentState.EXPIRED, "expiry",
                                        "never started at the gateway in " + config.expireAfter().toSeconds() + " s")
                                        .replaceWith(Boolean.TRUE)
                                        : Uni.createFrom().item(Boolean.FALSE))))
                        .collect().asList()
                        .map(expired -> (int) expired.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<Boolean> reconcileOne(Payment seen, Instant now) {
        return gateways.get(seen.gateway).lookup(seen).flatMap(status -> Panache.withTransaction(() ->
                Payment.byIdForUpdate(seen.id).flatMap(p -> {
                    PaymentState before = p.state;
                    p.nextLookupAt = now.plus(nextWait(p, now));
                    boolean stillOpen = status == GatewayStatus.OPEN || status == GatewayStatus.PENDING;
                    Uni<Payment> applied = stillOpen && p.state == PaymentState.PENDING
                            && p.createdAt.isBefore(now.minus(config.expireAfter()))
                            ? stateMachine.moveTo(p, PaymentState.EXPIRED, "expiry",
                            "still " + status + " at the gateway after " + config.expireAfter().toSeconds() + " s")
                            : stateMachine.apply(p, status, "reconciler", p.gatewayRef);
                    return applied.map(after -> after.state != before);
                })));
    }

    /** A tenth of the payment's age, at least a second, at most {@link #LONGEST_WAIT}. */
    static Duration nextWait(Payment p, Instant now) {
        Duration tenth = Duration.between(p.createdAt, now).dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : tenth.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : tenth;
    }
}
