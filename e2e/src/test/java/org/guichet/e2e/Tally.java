package org.guichet.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a randomised run did: operations by kind, the answers the services gave them (expected refusals
 * by status and problem type), and what went wrong (a 5xx, an answer no rule explains).
 */
final class Tally {
    private final Map<String, LongAdder> operations = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> events = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    void operation(String kind) {
        operations.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** An expected refusal: {@code 409 invoice-not-cancellable}, {@code 401 callback}. */
    void refused(int status, String reason) {
        refusals.computeIfAbsent(status + " " + reason, k -> new LongAdder()).increment();
    }

    /** Something worth counting that is neither an operation nor a refusal (a duplicate callback, a skip). */
    void event(String what) {
        events.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    void failure(String what) {
        failures.add(what);
    }

    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    long operations() {
        return operations.values().stream().mapToLong(LongAdder::sum).sum();
    }

    String report() {
        StringBuilder out = new StringBuilder();
        out.append("  operations (").append(operations()).append("): ").append(sorted(operations)).append('\n');
        out.append("  refused as expected (").append(refusals.values().stream().mapToLong(LongAdder::sum).sum())
                .append("): ").append(sorted(refusals)).append('\n');
        out.append("  also: ").append(sorted(events)).append('\n');
        out.append("  failures: ").append(failures.size());
        return out.toString();
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
