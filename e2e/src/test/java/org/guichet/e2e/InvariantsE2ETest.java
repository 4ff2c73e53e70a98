package org.guichet.e2e;

import org.awaitility.core.ConditionTimeoutException;
import org.guichet.testing.DevTokens;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Money invariants across the services (README, "Money invariants"), property style: a seeded random mix of thousands of
 * operations over accounts of three institutions and four régies (sandbox, Mollie, GoPay) — staff bills,
 * fines from loans and the accrual, online payments paid, refused, cancelled, expired or left to expire
 * and paid late, partial counter payments in cash and by cheque (also for a partner library, R10), waives,
 * cancels, refunds to the payment or to credit, deposits and payments from credit, procedure requests
 * paid and refused, and gateway callbacks delivered again, at once and out of order, forged, stale and
 * oversized. Once the suite is quiet, {@link MoneyChecks} checks the services' own data against each
 * other, the gateways and the topics.
 *
 * <p>{@code -Dguichet.invariants.seed=N} replays a run's operations (each account draws from its own
 * random stream, so the same seed gives every account the same operations; how they interleave is up to
 * the scheduler); {@code -Dguichet.invariants.operations=N} sets how many (default 2000).
 */
@ExtendWith(E2eSuite.class)
@Order(3)
class InvariantsE2ETest {
    static final long SEED = Long.getLong("guichet.invariants.seed", new SecureRandom().nextLong() >>> 16);
    static final int OPERATIONS = Integer.getInteger("guichet.invariants.operations", 2000);
    /** Accounts acted on at the same time. */
    static final int CLIENTS = Integer.getInteger("guichet.invariants.clients", 8);
    static final int OPERATIONS_PER_ACCOUNT = 40;
    static final SuiteData DATA = new SuiteData("guichet_e2e_", 5432, 9092 + E2eSuite.OFFSET);
    static final String PROCEDURE = "inv-certificate";
    static final String[] SERVICES = SuiteData.SERVICES;

    @Test
    void money_adds_up_across_the_services_after_thousands_of_random_operations() throws Exception {
        Instant started = Instant.now();
        String run = UUID.randomUUID().toString().substring(0, 6);
        int accounts = Math.max(CLIENTS, OPERATIONS / OPERATIONS_PER_ACCOUNT);
        System.out.printf("invariants: seed %d (replay with -Dguichet.invariants.seed=%d), %d operations over %d accounts, "
                + "run %s%n", SEED, SEED, OPERATIONS, accounts, run);
        SuiteUrls urls = E2eSuite.URLS;
        GatewayDesk gateways = new GatewayDesk(urls, "http://127.0.0.1:" + (8090 + E2eSuite.OFFSET));
        Tally tally = new Tally();
        setUpProcedure(urls);

        ExecutorService callbacks = Executors.newFixedThreadPool(16);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        MoneyActor.Run context = new MoneyActor.Run(run, urls, gateways, tally, LocalDate.now(ZoneId.of("Europe/Prague")),
                callbacks, PROCEDURE);
        // every account does one operation at a time, taking turns: each one's operations spread over the whole
        // run, so late callbacks, expiries and payments after them meet the account's later operations
        List<String> accountIds = new ArrayList<>();
        BlockingQueue<MoneyActor> turns = new LinkedBlockingQueue<>();
        for (int i = 0; i < accounts; i++) {
            int share = OPERATIONS / accounts + (i < OPERATIONS % accounts ? 1 : 0);
            accountIds.add(MoneyActor.account(run, i));
            turns.add(new MoneyActor(context, SEED, i, share));
        }
        AtomicInteger unfinished = new AtomicInteger(accounts);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            done.add(clients.submit(() -> {
                while (unfinished.get() > 0) {
                    MoneyActor next = turns.poll(200, TimeUnit.MILLISECONDS);
                    if (next != null && next.step()) {
                        turns.add(next);
                    } else if (next != null) {
                        unfinished.decrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.MINUTES);
        }
        clients.shutdown();
        callbacks.shutdown();
        Duration driving = Duration.between(started, Instant.now());
        System.out.printf("invariants: %d operations in %d s; waiting for the suite to be quiet%n", tally.operations(),
                driving.toSeconds());

        String quiet = awaitQuiet(accountIds, Duration.ofMinutes(4));
        Duration settling = Duration.between(started, Instant.now()).minus(driving);

        MoneyChecks checks = new MoneyChecks(DATA, urls, gateways, accountIds);
        List<MoneyChecks.Check> verdicts = checks.run();
        Duration total = Duration.between(started, Instant.now());

        StringBuilder summary = new StringBuilder(String.format("%ninvariants summary — seed %d, run %s, %d accounts%n",
                SEED, run, accounts));
        summary.append(tally.report()).append('\n');
        summary.append("  money moved:\n").append(checks.moneySummary());
        summary.append("  checks:\n");
        String first = null;
        for (MoneyChecks.Check c : verdicts) {
            summary.append(String.format("    [%s] %s (%d examined)%n", c.violations().isEmpty() ? "ok" : "FAILED "
                    + c.violations().size(), c.name(), c.examined()));
            for (String v : c.violations().subList(0, Math.min(5, c.violations().size()))) {
                summary.append("        ").append(v).append('\n');
            }
            if (first == null && !c.violations().isEmpty()) {
                first = c.name() + ": " + c.violations().get(0);
            }
        }
        summary.append(String.format("  time: %d s driving, %d s until quiet (%s), %d s in all%n", driving.toSeconds(),
                settling.toSeconds(), quiet == null ? "quiet" : quiet, total.toSeconds()));
        for (String f : tally.failures().subList(0, Math.min(20, tally.failures().size()))) {
            summary.append("  failure: ").append(f).append('\n');
        }
        System.out.println(summary);

        String replay = " (seed " + SEED + ": -Dguichet.invariants.seed=" + SEED + ")";
        assertTrue(tally.failures().isEmpty(), tally.failures().size() + " operations failed" + replay + "; first: "
                + (tally.failures().isEmpty() ? "" : tally.failures().get(0)));
        if (quiet != null) {
            fail("the suite did not become quiet" + replay + ": " + quiet);
        }
        if (first != null) {
            fail("a money invariant does not hold" + replay + ": " + first);
        }
    }

    /** Namur's population office sells a certificate priced by reason and delivery, paid through the sandbox. */
    private static void setUpProcedure(SuiteUrls urls) {
        String admin = DevTokens.mint("inv-admin", "ville-namur", "admin");
        Journey.expect(Http.putJson(urls.cart() + "/regies/namur-population", admin, Map.of("name", "Population",
                "accountingCode", "70/104-02", "cartMode", "GROUPED", "agents", List.of("population@namur.example"))),
                200, "régie namur-population");
        Journey.expect(Http.putJson(urls.cart() + "/procedures/" + PROCEDURE, admin, Map.of("regie", "namur-population",
                "title", "Certificat de résidence", "currency", "EUR", "basePrice", 300, "validFrom", "2026-01-01",
                "criteria", List.of(Map.of("name", "reason", "options", Map.of("EMPLOYMENT", 0, "FAMILY_ALLOWANCE", 500)),
                        Map.of("name", "delivery", "options", Map.of("DIGITAL", 0, "POSTAL", 700))))), 200, "procedure");
    }

    /**
     * Waits until nothing is left to happen: every outbox relayed, no consumer behind, no payment of the run
     * waiting at its gateway (the reconciler expires the abandoned ones), no callback or automatic refund
     * pending, and nothing applied for two rounds in a row. Answers null when quiet, else what is not.
     */
    private static String awaitQuiet(List<String> accounts, Duration patience) {
        AtomicLong previous = new AtomicLong(-1);
        AtomicInteger stableRounds = new AtomicInteger();
        AtomicReference<String> why = new AtomicReference<>();
        try {
            await().atMost(patience).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2))
                    .until(() -> quietRound(accounts, previous, stableRounds, why));
            return null;
        } catch (ConditionTimeoutException e) {
            return why.get();
        }
    }

    /** One look at the suite: true once it has been idle, with nothing newly applied, for two rounds running. */
    private static boolean quietRound(List<String> accounts, AtomicLong previous, AtomicInteger stableRounds,
                                      AtomicReference<String> why) {
        long backlog = 0;
        long applied = 0;
        for (String s : SERVICES) {
            TestRows db = DATA.db(s);
            backlog += db.scalar("select count(*) from outbox_event where sent_at is null");
            applied += db.scalar("select count(*) from processed_event");
        }
        TestRows payment = DATA.db("payment");
        long pending = payment.scalar("select count(*) from payment where owner = any(?) and state = 'PENDING'", accounts);
        long inbox = payment.scalar("select count(*) from callback_inbox where verified and processed_at is null "
                + "and received_at > now() - interval '1 hour'");
        long refunds = payment.scalar("select count(*) from automatic_refund where done_at is null");
        applied += payment.scalar("select count(*) from payment_transition");
        long lag = DATA.consumerLag();
        why.set(String.format("outbox backlog %d, consumer lag %d, payments pending %d, callbacks unprocessed %d, "
                + "automatic refunds pending %d", backlog, lag, pending, inbox, refunds));
        boolean idle = backlog == 0 && lag == 0 && pending == 0 && inbox == 0 && refunds == 0;
        stableRounds.set(idle && applied == previous.getAndSet(applied) ? stableRounds.get() + 1 : 0);
        return stableRounds.get() >= 2;
    }
}
