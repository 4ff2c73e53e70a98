package org.guichet.payment.callback;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.events.EventJson;
import org.guichet.payment.gateway.CallbackVerdict;
import org.guichet.payment.gateway.GatewayAdapter;
import org.guichet.payment.gateway.GatewayStatus;
import org.guichet.payment.gateway.Gateways;
import org.guichet.payment.metrics.PaymentMetrics;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.payment.PaymentState;
import org.guichet.payment.payment.PaymentStateMachine;
import org.guichet.payment.regie.PaymentConfig;
import org.guichet.platform.Ids;
import org.guichet.platform.error.Problems;
import org.guichet.platform.logging.LogFields;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Gateway callbacks: verified on their raw bytes and written to the durable inbox, then acknowledged
 * at once — the gateway never waits for our database or for a status look-up, and a slow gateway
 * closing the connection cannot cut processing short. Processing runs after, on its own context;
 * the sweeper processes whatever did not finish (a crash, a timeout). Applying is idempotent under
 * the payment's row lock, so a callback processed twice changes nothing the second time.
 * <p>Decisions: docs/adr/0001-callback-inbox.md (the inbox), docs/adr/0005-sweep-windows.md (the sweep).
 */
@ApplicationScoped
public class CallbackProcessor {
    private static final Logger LOG = Logger.getLogger(CallbackProcessor.class);
    static final int SWEEP_BATCH = 100;
    static final Duration SWEEP_AFTER = Duration.ofSeconds(5);
    /** Older than this, a callback's payment is the reconciler's business. */
    static final Duration SWEEP_WINDOW = Duration.ofHours(1);
    /** A payment flagged because a genuinely signed result was for another amount or currency. */
    public static final String CALLBACK_MISMATCH = "CALLBACK_MISMATCH";
    static final String MISMATCH = "mismatch";

    private final Gateways gateways;
    private final PaymentStateMachine stateMachine;
    private final Clock clock;
    private final Vertx vertx;
    private final PaymentMetrics metrics;
    private final PaymentConfig config;

    @Inject
    CallbackProcessor(Gateways gateways, PaymentStateMachine stateMachine, Clock clock, Vertx vertx,
                      PaymentMetrics metrics, PaymentConfig config) {
        this.gateways = gateways;
        this.stateMachine = stateMachine;
        this.clock = clock;
        this.vertx = vertx;
        this.metrics = metrics;
        this.config = config;
    }

    /** Records the callback; a bad signature is a 401. Processing follows, detached from the request. */
    public Uni<String> receive(String gatewayName, Map<String, String> headers, String rawBody) {
        return record(gatewayName, headers, rawBody).invoke(entry -> {
            if (entry.processedAt != null) {
                return;       // recorded as done at once (a mismatch): nothing to apply
            }
            io.vertx.core.Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            // a context of its own, marked safe for Hibernate Reactive: the request's context is done with
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> process(entry).subscribe().with(
                    result -> LOG.debugf("callback %s: %s", entry.id, result),
                    failure -> LOG.warnf("callback %s left for the sweeper: %s", entry.id, failure.toString())));
        }).map(entry -> "received");
    }

    /** Records and processes before answering: the browser's return, where the citizen waits for the result. */
    public Uni<String> receiveAndProcess(String gatewayName, Map<String, String> headers, String rawBody) {
        return record(gatewayName, headers, rawBody)
                .flatMap(entry -> entry.processedAt != null ? Uni.createFrom().item(entry.result) : process(entry));
    }

    /**
     * Verifies and records, in one transaction. Signed schemes name their payment first (its régie's key is
     * the one that verifies); a signed result for another amount or currency is recorded, done at once and
     * the payment flagged for a person. A callback that fails verification keeps only a bounded summary.
     */
    private Uni<CallbackInboxEntry> record(String gatewayName, Map<String, String> headers, String rawBody) {
        GatewayAdapter adapter = gateways.get(gatewayName);
        Optional<String> named = adapter.namedReference(rawBody);
        return Panache.withTransaction(() -> (named.isEmpty() ? Uni.createFrom().<Payment>nullItem()
                : Payment.<Payment>find("gateway = ?1 and gatewayRef = ?2", gatewayName, named.get()).firstResult())
                .flatMap(payment -> {
                    CallbackVerdict verdict = adapter.verifyCallback(headers, rawBody, payment);
                    CallbackInboxEntry entry = new CallbackInboxEntry();
                    entry.id = Ids.newId();
                    entry.gateway = gatewayName;
                    entry.receivedAt = clock.instant();
                    entry.verified = verdict.verified();
                    entry.gatewayRef = verdict.gatewayRef();
                    entry.verdictStatus = verdict.status().name();
                    if (!verdict.verified()) {
                        RejectedCallback summary = RejectedCallback.of(headers, rawBody);
                        entry.headers = summary.headers();
                        entry.body = summary.body();
                        entry.result = "rejected: " + verdict.reason() + "; " + summary.digest();
                        return entry.persist().replaceWith(entry);
                    }
                    entry.headers = EventJson.MAPPER.valueToTree(headers).toString();
                    entry.body = rawBody;
                    if (verdict.mismatch() == null) {
                        return entry.persist().replaceWith(entry);
                    }
                    // genuine, but not what the payment asked: never applied, left to a person
                    entry.processedAt = entry.receivedAt;
                    entry.result = MISMATCH + ": " + verdict.mismatch();
                    LogFields.with(LogFields.PAYMENT_ID, payment.id, () -> LOG.warnf(
                            "payment %s: %s callback %s (%s), flagged %s", payment.id, gatewayName, verdict.status(),
                            verdict.mismatch(), CALLBACK_MISMATCH));
                    return entry.persist().call(() -> Payment.update("flag = ?1 where id = ?2 and flag is null",
                            CALLBACK_MISMATCH, payment.id)).replaceWith(entry);
                }))
                .map(entry -> {
                    if (!entry.verified) {
                        metrics.callbackRejected(gatewayName);
                        throw Problems.unauthorized("Callback signature is not valid");
                    }
                    return entry;
                });
    }

    /** Applies one recorded callback; unsigned schemes (Mollie, GoPay) are looked up at the gateway first. */
    private Uni<String> process(CallbackInboxEntry entry) {
        GatewayStatus said = GatewayStatus.valueOf(entry.verdictStatus);
        if (said != GatewayStatus.UNKNOWN) {
            return apply(entry.id, entry.gateway, entry.gatewayRef, said);
        }
        // the payment is read outside the transaction: the look-up is a call to the gateway, no lock held meanwhile
        return Panache.withSession(() -> Payment.<Payment>find("gateway = ?1 and gatewayRef = ?2", entry.gateway,
                        entry.gatewayRef).firstResult())
                .flatMap(payment -> {
                    if (payment != null && settledForGood(payment.state)) {
                        // nothing the gateway says can change it: no look-up (a replayed webhook costs the régie nothing)
                        return Panache.withTransaction(() -> CallbackInboxEntry.update(
                                "processedAt = ?1, result = ?2 where id = ?3", clock.instant(),
                                payment.state.name(), entry.id)).replaceWith(payment.state.name());
                    }
                    return (payment == null ? Uni.createFrom().item(GatewayStatus.UNKNOWN)
                            : gateways.get(entry.gateway).lookup(payment))
                            .flatMap(s -> apply(entry.id, entry.gateway, entry.gatewayRef, s));
                });
    }

    /** Settled, or refunded since: no gateway status moves it (failed, cancelled or expired ones may still be paid late). */
    static boolean settledForGood(PaymentState state) {
        return state.finished() && !PaymentState.TRANSITIONS.allows(state, PaymentState.SETTLED);
    }

    private Uni<String> apply(UUID inboxId, String gateway, String gatewayRef, GatewayStatus status) {
        return Panache.withTransaction(() -> Payment.byGatewayRefForUpdate(gateway, gatewayRef).flatMap(payment -> {
            if (payment != null && status == GatewayStatus.UNKNOWN) {
                // the look-up did not answer: left unprocessed, the sweeper asks again shortly
                return Uni.createFrom().item("status unknown, retried");
            }
            Uni<String> outcome = payment == null
                    ? Uni.createFrom().item("unknown payment")
                    : stateMachine.apply(payment, status, "callback", gatewayRef).map(p -> p.state.name());
            return outcome.call(result -> CallbackInboxEntry.update("processedAt = ?1, result = ?2 where id = ?3",
                    clock.instant(), result, inboxId));
        }));
    }

    /** Rejected callbacks (their bounded summaries) are kept for {@code rejected-callback-retention}, then deleted. */
    @Scheduled(every = "${guichet.payment.rejected-callback-purge-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeRejected() {
        return Panache.withTransaction(() -> CallbackInboxEntry.delete("verified = false and receivedAt < ?1",
                        clock.instant().minus(config.rejectedCallbackRetention())))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("purged %d rejected callbacks", n);
                    }
                })
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("purge of rejected callbacks failed: %s", t.toString());
                    return 0L;
                })
                .replaceWithVoid();
    }

    /** Verified callbacks whose processing did not finish are processed again. */
    @Scheduled(every = "${guichet.payment.inbox-sweep-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return Panache.withSession(() -> CallbackInboxEntry.<CallbackInboxEntry>find(
                                "verified = true and processedAt is null and receivedAt < ?1 and receivedAt > ?2 "
                                        + "order by receivedAt", clock.instant().minus(SWEEP_AFTER),
                                clock.instant().minus(SWEEP_WINDOW)).page(0, SWEEP_BATCH).list())
                .flatMap(pending -> Multi.createFrom().iterable(pending)
                        .onItem().transformToUniAndConcatenate(e -> process(e)
                                .onFailure().recoverWithItem(t -> "failed again: " + t))
                        .collect().asList())
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("inbox sweep failed: %s", t.toString());
                    return null;
                })
                .replaceWithVoid();
    }
}
