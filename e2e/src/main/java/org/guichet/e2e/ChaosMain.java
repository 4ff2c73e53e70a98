package org.guichet.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code ./guichet chaos [SCENARIO…]}: starts a fresh suite of its own (GUICHET_ENV=chaos), breaks it on
 * purpose scenario after scenario while journeys run, checks after each that no committed change was lost
 * or applied twice and that the money adds up in every service, and prints the table. Exits 1 when any
 * scenario found a guarantee broken. {@code -Dguichet.chaos.scale=N} multiplies the journeys.
 */
public final class ChaosMain {
    private ChaosMain() {
    }

    public static void main(String[] args) {
        ChaosSuite suite = new ChaosSuite();
        ChaosScenarios scenarios = new ChaosScenarios(suite, System.out::println, Integer.getInteger("guichet.chaos.scale", 1));
        List<String> only = List.of(args);
        List<ChaosScenarios.Row> rows = new ArrayList<>();
        Instant started = Instant.now();
        suite.start();
        try {
            run(only, "control", scenarios::control, rows);
            run(only, "kafka", scenarios::kafkaKilled, rows);
            run(only, "commit-publish", scenarios::committedNotPublished, rows);
            run(only, "publish-mark", scenarios::publishedNotMarked, rows);
            run(only, "apply-commit", scenarios::appliedNotCommitted, rows);
            run(only, "postgres", scenarios::postgresRestarted, rows);
            run(only, "smtp", scenarios::smtpDown, rows);
            run(only, "gateway-slow", () -> scenarios.gateway("slow (3 s per API call)", "{\"apiDelayMs\": 3000}"), rows);
            run(only, "gateway-failing", () -> scenarios.gateway("failing (503 on 4 creations)", "{\"failNextCreates\": 4}"), rows);
            run(only, "gateway-silent", () -> scenarios.gateway("silent (no webhook at all)", "{\"dropCallbacks\": true}"), rows);
        } finally {
            suite.stop();
        }
        System.out.println();
        System.out.printf("Guichet under faults — %d scenarios in %d s (ops: bills paid end to end; events: distinct events "
                        + "relayed; applied: events applied by consumers; dup: extra copies on the topics; suppressed: "
                        + "redeliveries the consumers passed over)%n", rows.size(),
                Duration.between(started, Instant.now()).toSeconds());
        ChaosScenarios.table(rows).forEach(System.out::println);
        boolean failed = rows.stream().anyMatch(r -> !r.result().equals("ok"));
        System.exit(failed ? 1 : 0);
    }

    private static void run(List<String> only, String key, Supplier<ChaosScenarios.Row> scenario, List<ChaosScenarios.Row> rows) {
        if (only.isEmpty() || only.contains(key)) {
            ChaosScenarios.Row row = scenario.get();
            System.out.println("  → " + row.result());
            rows.add(row);
        }
    }
}
