package org.guichet.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The fault scenarios of {@code ./guichet chaos} (README, "Faults"), each a load of journeys with one fault struck in the middle of it, then
 * the checks of {@link ChaosChecks}. A scenario that finds a guarantee broken fails with what it found.
 */
final class ChaosScenarios {
    /** One line of the table {@code ./guichet chaos} prints. */
    record Row(String scenario, int operations, long eventsSent, long eventsApplied, long duplicates,
               long suppressed, String money, String recovery, String result) {
    }

    /** How long a journey keeps trying through an outage before the scenario fails. */
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(10);
    private static final Map<String, String> RETRIED = Map.of("outcome", "retried");
    private final ChaosSuite suite;
    private final Consumer<String> out;
    private final int scale;

    /** {@code scale} multiplies the journeys of every scenario (1: the default sizes). */
    ChaosScenarios(ChaosSuite suite, Consumer<String> out, int scale) {
        this.suite = suite;
        this.out = out;
        this.scale = scale;
    }

    /** The same journeys with nothing broken: what the other rows compare to. */
    Row control() {
        return scenario("no fault (control)", ChaosJourney.Gateway.SANDBOX, 10, 4, true, load -> "-");
    }

    /** The broker killed (SIGKILL) while journeys run, restarted 15 s later. */
    Row kafkaKilled() {
        return scenario("Kafka broker killed under load, restarted", ChaosJourney.Gateway.SANDBOX, 30, 6, false, load -> {
            load.awaitCompleted(6, LOAD_LIMIT);
            suite.kill("kafka");
            out.accept("  kafka killed; journeys go on against services without a broker for 15 s");
            ChaosSuite.sleep(15_000);
            Map<String, Long> waiting = suite.data.unsentUpTo();
            long backlog = suite.data.stillUnsent(waiting);
            Instant restarted = Instant.now();
            suite.restartStopped();
            ChaosChecks.await("the events committed during the outage reach Kafka", Duration.ofMinutes(3),
                    () -> suite.data.stillUnsent(waiting) == 0);
            return "broker down 15 s; the " + backlog + " events committed meanwhile were all on Kafka "
                    + since(restarted) + " after its restart";
        });
    }

    /** payment-service halts after the settlement's commit, before its relay sends PaymentSettled. */
    Row committedNotPublished() {
        return crashingService("payment-service killed after commit, before publish", "payment",
                "-Dguichet.faults.halt-before-publish=PaymentSettled", 1, false);
    }

    /** payment-service halts after the broker took PaymentSettled, before marking it sent: it is sent again. */
    Row publishedNotMarked() {
        return crashingService("payment-service killed after publish, before marking sent", "payment",
                "-Dguichet.faults.halt-after-publish=PaymentSettled", 1, true);
    }

    /** billing-service halts after applying PaymentSettled, before Kafka has its offset (three times): it is delivered again. */
    Row appliedNotCommitted() {
        return crashingService("billing-service killed after apply, before offset commit", "billing",
                "-Dguichet.faults.halt-after-apply=PaymentSettled", 3, true);
    }

    /** PostgreSQL crashes (immediate stop) under load and comes back 8 s later; the services are not restarted. */
    Row postgresRestarted() {
        Map<String, Long> pids = new HashMap<>();
        for (String s : SuiteData.SERVICES) {
            pids.put(s, suite.pid(s));
        }
        return scenario("PostgreSQL crashed under load, restarted", ChaosJourney.Gateway.SANDBOX, 24, 6, false, load -> {
            load.awaitCompleted(5, LOAD_LIMIT);
            suite.crashPostgres();
            out.accept("  PostgreSQL crashed; back in 8 s");
            ChaosSuite.sleep(8_000);
            Instant back = Instant.now();
            suite.startPostgres();
            ChaosChecks.await("every service ready again without a restart", Duration.ofMinutes(2), suite::allReady);
            String ready = since(back);
            for (String s : SuiteData.SERVICES) {
                ChaosChecks.same(pids.get(s), suite.pid(s), s + "-service recovered in the same process");
            }
            return "database back after 8 s; services ready " + ready + " later, none restarted";
        });
    }

    /** GreenMail stopped while receipts are due; every receipt arrives once after it is back, none twice. */
    Row smtpDown() {
        return scenario("SMTP server down for a while", ChaosJourney.Gateway.SANDBOX, 12, 4, true, load -> {
            suite.kill("smtp");
            Instant down = Instant.now();
            long retriedBefore = suite.count("notification", "guichet_emails_total", RETRIED);
            List<ChaosJourney.Bill> paid = load.finish(LOAD_LIMIT);
            ChaosSuite.sleep(10_000); // the sender tries, fails and backs off meanwhile
            long waiting = suite.data.count("notification", "select count(*) from email_delivery where status = 'PENDING' "
                    + "and recipient = any(?)", paid.stream().map(ChaosJourney.Bill::email).toList());
            ChaosChecks.same(paid.size(), waiting, "every receipt waits while SMTP is down");
            if (suite.count("notification", "guichet_emails_total", RETRIED) <= retriedBefore) {
                throw new JourneyFailure("the sender did not retry while SMTP was down");
            }
            String downFor = since(down);
            suite.restartStopped();
            out.accept("  SMTP back after " + downFor + "; " + waiting + " receipts waited");
            return "SMTP down " + downFor + " while " + waiting + " receipts were due; each sent once after";
        });
    }

    /** The Mollie simulator answers slowly, refuses creations, or never calls back; the reconciler finishes the payments. */
    Row gateway(String name, String traps) {
        long createdBefore = mollieCreated();
        Row row = scenario("gateway " + name, ChaosJourney.Gateway.MOLLIE, 6, 3, true, load -> {
            suite.traps(traps);
            return "traps " + traps;
        });
        suite.traps("{\"reset\": true}");
        if (row.result().equals("ok")) {
            long created = mollieCreated() - createdBefore;
            if (created != row.operations()) {
                return withResult(row, "FAIL: " + created + " payments created at the gateway for " + row.operations() + " bills");
            }
        }
        return row;
    }

    private long mollieCreated() {
        return Http.get(suite.simulator + "/_control/stats", null).json().path("mollie").path("paymentsCreated").asLong();
    }

    /**
     * A service started with a crash point halts at it under load, {@code crashes} times, and is then started
     * without it. A relay's crash point can be struck once only: armed again, it halts at once on the very
     * event it left behind; a consumer passes that one over as a duplicate and halts on the next.
     */
    private Row crashingService(String name, String service, String crashPoint, int crashes, boolean expectDuplicates) {
        suite.kill(service);
        suite.restartStopped(crashPoint);
        Row row = scenario(name, ChaosJourney.Gateway.SANDBOX, 12, 4, false, load -> {
            Instant firstHalt = null;
            for (int crash = 1; crash <= crashes; crash++) {
                suite.awaitDeath(service, LOAD_LIMIT);
                firstHalt = firstHalt == null ? Instant.now() : firstHalt;
                out.accept("  " + service + "-service halted at its crash point (" + crash + " of " + crashes + ")");
                suite.restartStopped(crash < crashes ? crashPoint : "");
            }
            return "halted " + crashes + "x at the crash point under load; back for good " + since(firstHalt)
                    + " after the first";
        });
        if (expectDuplicates && row.result().equals("ok") && row.duplicates() + row.suppressed() == 0) {
            return withResult(row, "FAIL: the crash point was struck but nothing was delivered twice");
        }
        return row;
    }

    /** A fault struck while journeys run: returns what the recovery looked like. */
    private interface Fault {
        String strike(ChaosLoad load);
    }

    private Row scenario(String name, ChaosJourney.Gateway gateway, int journeys, int clients, boolean receipts,
                         Fault fault) {
        out.accept("scenario: " + name);
        String run = UUID.randomUUID().toString().substring(0, 6);
        Instant since = Instant.now();
        Map<String, Long> suppressedBefore = suppressed();
        Map<String, Long> pidsBefore = pids();
        int count = journeys * scale;
        ChaosLoad load = new ChaosLoad(suite, gateway, run, count, clients, PATIENCE);
        try {
            String recovery = fault.strike(load);
            List<ChaosJourney.Bill> bills = load.finish(LOAD_LIMIT);
            ChaosChecks.Tally tally = ChaosChecks.verify(suite, bills, since, receipts);
            long suppressed = suppressedSince(suppressedBefore, pidsBefore);
            return new Row(name, count, tally.eventsSent(), tally.eventsApplied(), tally.duplicatesOnTopics(), suppressed,
                    tally.money(), recovery, "ok");
        } catch (JourneyFailure | IllegalStateException e) {
            out.accept("  FAILED: " + e.getMessage());
            load.abandon();
            // the next scenario needs every part running
            try {
                suite.restartStopped();
            } catch (JourneyFailure restart) {
                out.accept("  and the suite did not come back: " + restart.getMessage());
            }
            return new Row(name, count, 0, 0, 0, 0, "-", "-", "FAIL: " + e.getMessage());
        }
    }

    private Map<String, Long> suppressed() {
        Map<String, Long> m = new HashMap<>();
        for (String s : SuiteData.SERVICES) {
            m.put(s, suite.count(s, "guichet_events_duplicates_total", Map.of()));
        }
        return m;
    }

    private Map<String, Long> pids() {
        Map<String, Long> m = new HashMap<>();
        for (String s : SuiteData.SERVICES) {
            m.put(s, suite.pid(s));
        }
        return m;
    }

    /** Redeliveries the consumers passed over during the scenario (a restarted service counts from zero). */
    private long suppressedSince(Map<String, Long> before, Map<String, Long> pidsBefore) {
        long total = 0;
        for (String s : SuiteData.SERVICES) {
            long now = suite.count(s, "guichet_events_duplicates_total", Map.of());
            total += suite.pid(s) == pidsBefore.get(s) ? now - before.get(s) : now;
        }
        return total;
    }

    private static Row withResult(Row r, String result) {
        return new Row(r.scenario(), r.operations(), r.eventsSent(), r.eventsApplied(), r.duplicates(), r.suppressed(),
                r.money(), r.recovery(), result);
    }

    private static String since(Instant t) {
        return String.format("%.1f s", Duration.between(t, Instant.now()).toMillis() / 1000.0);
    }

    static List<String> table(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        String format = "| %-58s | %4s | %6s | %7s | %5s | %10s | %-28s | %s |";
        lines.add(String.format(format, "scenario", "ops", "events", "applied", "dup", "suppressed", "money checked", "result"));
        lines.add(String.format(format, "-".repeat(58), "----", "------", "-------", "-----", "----------", "-".repeat(28), "------"));
        for (Row r : rows) {
            lines.add(String.format(format, r.scenario(), r.operations(), r.eventsSent(), r.eventsApplied(), r.duplicates(),
                    r.suppressed(), r.money(), r.result()));
        }
        lines.add("");
        for (Row r : rows) {
            lines.add(String.format("%-58s  %s", r.scenario(), r.recovery()));
        }
        return lines;
    }
}
