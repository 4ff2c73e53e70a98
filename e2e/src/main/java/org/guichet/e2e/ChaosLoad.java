package org.guichet.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** Journeys run by a few concurrent clients while a scenario breaks the suite under them. */
final class ChaosLoad {
    private final ExecutorService clients;
    private final List<Future<ChaosJourney.Bill>> journeys = new ArrayList<>();
    private final AtomicInteger completed = new AtomicInteger();

    /** Starts {@code count} journeys through {@code gateway}; amounts differ so a bill paid twice shows in the sums. */
    ChaosLoad(ChaosSuite suite, ChaosJourney.Gateway gateway, String run, int count, int clientCount, Duration patience) {
        clients = Executors.newFixedThreadPool(clientCount);
        ChaosJourney journey = new ChaosJourney(suite, patience);
        for (int i = 0; i < count; i++) {
            int n = i;
            journeys.add(clients.submit(() -> {
                ChaosJourney.Bill bill = journey.pay(gateway, run, n, 1000 + 7L * n);
                completed.incrementAndGet();
                return bill;
            }));
        }
        clients.shutdown();
    }

    int size() {
        return journeys.size();
    }

    /** Waits until {@code n} journeys have ended (the moment a scenario strikes). */
    void awaitCompleted(int n, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (completed.get() < n) {
            if (Instant.now().isAfter(deadline)) {
                throw new JourneyFailure("only " + completed.get() + " of " + n + " journeys ended in "
                        + patience.toSeconds() + " s");
            }
            ChaosSuite.sleep(100);
        }
    }

    /** Stops the journeys still running (their clients are interrupted): a failed scenario leaves no load behind. */
    void abandon() {
        clients.shutdownNow();
    }

    /** Every journey's bill; the first journey that gave up fails the scenario. */
    List<ChaosJourney.Bill> finish(Duration patience) {
        List<ChaosJourney.Bill> bills = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            for (Future<ChaosJourney.Bill> j : journeys) {
                bills.add(j.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return bills;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof JourneyFailure f ? f : new JourneyFailure("a journey failed: " + e.getCause());
        } catch (TimeoutException e) {
            throw new JourneyFailure(bills.size() + " of " + journeys.size() + " journeys ended in " + patience.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JourneyFailure("interrupted");
        } finally {
            clients.shutdownNow();
        }
    }
}
