package org.guichet.payment.refund;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.events.payload.PaymentLine;
import org.guichet.payment.payment.Payment;
import org.guichet.platform.Ids;
import org.guichet.platform.error.ProblemException;
import org.guichet.platform.jobs.BackOff;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Two attempts settled for one bill anyway (one paid late after it had failed or expired): the later
 * payment's share for that bill is refunded on its own, through the same path as any refund — the
 * gateway, else a transfer to an IBAN the payer gives. Planned in the settlement's transaction, run
 * just after by the sweeper; each is done once (its id is the gateway's refund reference).
 * <p>Timings: docs/adr/0005-sweep-windows.md.
 */
@ApplicationScoped
public class AutomaticRefunds {
    private static final Logger LOG = Logger.getLogger(AutomaticRefunds.class);
    public static final String REASON = "paid twice: automatic refund";
    static final int BATCH = 20;
    /** 30 s doubling, at most an hour. */
    static final BackOff RETRY = new BackOff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Inject
    Refunds refunds;
    @Inject
    Clock clock;

    /** In the settlement's transaction: one automatic refund per bill this payment paid a second time. */
    public Uni<Void> plan(Payment payment, Set<String> paidTwice) {
        List<PaymentLine> lines = payment.lineList().stream().filter(l -> paidTwice.contains(l.refId())).toList();
        return Panache.getSession().flatMap(s -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (PaymentLine line : lines) {
                chain = chain.flatMap(x -> s.createNativeQuery("insert into automatic_refund (id, payment_id, invoice_id, "
                                + "amount, reason, created_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                        .setParameter(1, Ids.newId()).setParameter(2, payment.id).setParameter(3, line.refId())
                        .setParameter(4, line.amount()).setParameter(5, REASON).setParameter(6, clock.instant())
                        .executeUpdate());
            }
            return chain;
        }).replaceWithVoid();
    }

    @Scheduled(every = "${guichet.payment.inbox-sweep-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runPending().onFailure().recoverWithItem(t -> {
            LOG.warnf("automatic refunds pass failed: %s", t.toString());
            return 0;
        }).replaceWithVoid();
    }

    /** Runs the pending automatic refunds; a replica busy with one is skipped (row lock, skip locked). */
    public Uni<Integer> runPending() {
        return Panache.withSession(() -> AutomaticRefund.<AutomaticRefund>find(
                                "doneAt is null and (nextAttemptAt is null or nextAttemptAt <= ?1) order by createdAt",
                                clock.instant()).page(0, BATCH).list())
                .flatMap(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(this::runOne)
                        .collect().asList().map(List::size));
    }

    private Uni<Void> runOne(AutomaticRefund seen) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "select id from automatic_refund where id = ?1 and done_at is null for update skip locked")
                        .setParameter(1, seen.id).getResultList())
                .flatMap(rows -> rows.isEmpty() ? Uni.createFrom().voidItem()
                        : refunds.execute(new RefundOrder(seen.id.toString(), seen.invoiceId, seen.paymentId.toString(),
                                seen.amount, seen.reason))
                        .onFailure(ProblemException.class).recoverWithItem(t -> {
                            // cannot be made at all (already refunded by an agent, say): a person looks at the flag
                            LOG.errorf("automatic refund %s of payment %s cannot be made: %s", seen.id, seen.paymentId,
                                    t.getMessage());
                            return null;
                        })
                        .call(() -> markDone(seen))))
                .onFailure().recoverWithUni(t -> {
                    LOG.warnf("automatic refund %s of payment %s not done yet: %s", seen.id, seen.paymentId, t.toString());
                    return later(seen);
                });
    }

    /** The gateway did not answer: wait longer each time so others go first. */
    private Uni<Void> later(AutomaticRefund seen) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "update automatic_refund set attempts = attempts + 1, next_attempt_at = ?1 where id = ?2")
                .setParameter(1, clock.instant().plus(RETRY.after(seen.attempts + 1))).setParameter(2, seen.id)
                .executeUpdate()))
                .onFailure().recoverWithItem(0).replaceWithVoid();
    }

    private Uni<Integer> markDone(AutomaticRefund seen) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("update automatic_refund set done_at = ?1 where id = ?2")
                .setParameter(1, clock.instant()).setParameter(2, seen.id).executeUpdate());
    }
}
