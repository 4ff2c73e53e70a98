package org.guichet.platform.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GracefulStopTest {

    @Test
    void steps_run_until_the_service_stops_and_none_starts_after() {
        GracefulStop stop = new GracefulStop();
        assertEquals(Optional.of(1), stop.step(() -> 1));
        stop.onStop(null);
        assertTrue(stop.stopping());
        List<String> ran = new CopyOnWriteArrayList<>();
        assertEquals(Optional.empty(), stop.step(() -> ran.add("late")));
        assertEquals(List.of(), ran);
    }

    @Test
    void the_shutdown_waits_for_the_step_under_way_to_end() throws Exception {
        GracefulStop stop = new GracefulStop();
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread job = new Thread(() -> stop.step(() -> {
            inStep.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("email marked sent");
            return true;
        }));
        job.start();
        assertTrue(inStep.await(30, TimeUnit.SECONDS));
        Thread shutdown = new Thread(() -> {
            stop.onStop(null);
            order.add("shutdown goes on: the pool closes");
        });
        shutdown.start();
        while (!stop.stopping()) {
            Thread.onSpinWait(); // the shutdown has begun: it must now wait for the step
        }
        release.countDown();
        shutdown.join(30_000);
        job.join(30_000);
        assertEquals(List.of("email marked sent", "shutdown goes on: the pool closes"), order);
    }
}
