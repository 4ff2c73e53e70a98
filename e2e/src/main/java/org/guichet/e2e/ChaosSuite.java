package org.guichet.e2e;

import org.guichet.testing.infra.InfraPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault suite's own Guichet (GUICHET_ENV=chaos: ports +14000, databases {@code guichet_chaos_*} on a
 * PostgreSQL cluster of its own on 19432), started and broken through the launcher and the pid files it
 * writes, as an operator's tools would: {@code kill -9}, a PostgreSQL crash, a restart with {@code ./guichet up}.
 */
final class ChaosSuite {
    static final int OFFSET = 14000;
    static final int PG_PORT = 5432 + OFFSET;
    static final String DB_PREFIX = "guichet_chaos_";
    /** Reconciler and retries at the pace of a test run: look-ups after 3 s, expiry after 40 s, mail retries in seconds. */
    static final String PACE = "-Dguichet.payment.reconcile-every=1s -Dguichet.payment.reconcile-after=PT3S "
            + "-Dguichet.payment.expire-after=PT40S -Dguichet.notification.retry.initial-backoff=1S "
            + "-Dguichet.notification.retry.max-backoff=4S -Dguichet.notification.retry.max-attempts=60";

    final SuiteUrls urls = SuiteUrls.withOffset(OFFSET);
    final SuiteData data = new SuiteData(DB_PREFIX, PG_PORT, 9092 + OFFSET);
    final String simulator = "http://127.0.0.1:" + (8090 + OFFSET);
    private final Path state = InfraPaths.root().resolve(".guichet/chaos");

    /** A fresh suite: empty databases, a new broker. */
    void start() {
        launcher(List.of("up"), "", true);
    }

    void stop() {
        launcher(List.of("down"), "", false);
    }

    /** Starts whatever is not running (a killed service, the broker, SMTP), with extra -D settings for the services started. */
    void restartStopped(String extraProps) {
        launcher(List.of("up"), extraProps, false);
    }

    void restartStopped() {
        restartStopped("");
    }

    /** The pid of a component: {@code billing} … {@code reporting}, {@code kafka}, {@code smtp}, {@code simulator}. */
    long pid(String component) {
        Path file = switch (component) {
            case "kafka" -> state.resolve("kafka/broker.pid");
            case "smtp" -> state.resolve("smtp/greenmail.pid");
            default -> state.resolve(component + ".pid");
        };
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("no pid for " + component + " in " + file, e);
        }
    }

    boolean alive(String component) {
        return ProcessHandle.of(pid(component)).map(ProcessHandle::isAlive).orElse(false);
    }

    /** {@code kill -9}: no shutdown, nothing flushed. */
    void kill(String component) {
        long pid = pid(component);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        awaitDeath(component, Duration.ofSeconds(30));
    }

    /** Waits until the component's process has gone (killed, or halted at a crash point). */
    void awaitDeath(String component, Duration patience) {
        long pid = pid(component);
        Instant deadline = Instant.now().plus(patience);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (Instant.now().isAfter(deadline)) {
                throw new JourneyFailure(component + " (pid " + pid + ") still runs after " + patience.toSeconds() + " s");
            }
            sleep(100);
        }
    }

    /** PostgreSQL stopped as a crash stops it (immediate: no checkpoint, connections cut). */
    void crashPostgres() {
        run(List.of("postgres", "crash"), "", false);
    }

    void startPostgres() {
        run(List.of("postgres", "start"), "", false);
    }

    /** Every service answers ready (its database and Kafka reachable). */
    boolean allReady() {
        for (String s : SuiteData.SERVICES) {
            try {
                if (Http.get(url(s) + "/q/health/ready", null).status() != 200) {
                    return false;
                }
            } catch (JourneyFailure e) {
                return false;
            }
        }
        return true;
    }

    String url(String service) {
        return switch (service) {
            case "billing" -> urls.billing();
            case "cart" -> urls.cart();
            case "payment" -> urls.payment();
            case "notification" -> urls.notification();
            default -> urls.reporting();
        };
    }

    /**
     * The sum of a counter's samples with these labels, from one service's /q/metrics (0 when it does not
     * answer). Counters count whole things (events, emails); Prometheus writes them as floating point.
     */
    long count(String service, String name, java.util.Map<String, String> labels) {
        try {
            Http.Reply r = Http.get(url(service) + "/q/metrics", null);
            return r.status() == 200 ? Math.round(org.guichet.testing.PrometheusText.value(r.body(), name, labels)) : 0;
        } catch (JourneyFailure e) {
            return 0;
        }
    }

    /** Sets the gateway simulator's traps (a JSON object, see gateway-simulator/README.md). */
    void traps(String json) {
        Http.Reply r = Http.postRaw(simulator + "/_control/traps", json, java.util.Map.of("Content-Type", "application/json"));
        if (r.status() / 100 != 2) {
            throw new JourneyFailure("the simulator refused the traps " + json + ": " + r.status());
        }
    }

    private void launcher(List<String> args, String extraProps, boolean fresh) {
        run(args, (PACE + " " + extraProps).trim(), fresh);
    }

    private static void run(List<String> command, String extraProps, boolean fresh) {
        Map<String, String> env = new HashMap<>(Map.of("GUICHET_ENV", "chaos", "GUICHET_EXTRA_PROPS", extraProps));
        if (fresh) {
            env.put("GUICHET_FRESH", "1");
        }
        int exit;
        try {
            exit = Launcher.run(env, command.toArray(new String[0]));
        } catch (IOException e) {
            throw new JourneyFailure("cannot run ./guichet " + command + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JourneyFailure("interrupted");
        }
        if (exit != 0) {
            throw new JourneyFailure("./guichet " + String.join(" ", command) + " failed (" + exit + "); see .guichet/chaos/logs");
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JourneyFailure("interrupted");
        }
    }
}
