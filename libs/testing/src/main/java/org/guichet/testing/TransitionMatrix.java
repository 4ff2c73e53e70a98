package org.guichet.testing;

import org.guichet.events.EventType;
import org.junit.jupiter.api.DynamicTest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins a lifecycle's transition table pair by pair: every {@code from × to} of the enum is checked against
 * a list the test writes out, {@code "A -> B"} or {@code "A -> B : EventTypeName"}; a pair not listed must
 * be refused. Returned from a {@code @TestFactory}, each pair is a test case of its own.
 */
public final class TransitionMatrix {
    private TransitionMatrix() {
    }

    /** One case per (from, to) of the enum, both in declaration order: see {@link #assertEdge}. */
    public static <E extends Enum<E>> Stream<DynamicTest> cases(Class<E> type, List<String> expected,
                                                                BiPredicate<E, E> allows,
                                                                BiFunction<E, E, Optional<EventType>> eventOf) {
        E[] states = type.getEnumConstants();
        return Arrays.stream(states).flatMap(from -> Arrays.stream(states).map(to -> DynamicTest.dynamicTest(
                from + " -> " + to, () -> assertEdge(expected, from, to, allows, eventOf))));
    }

    /** The pair is an edge exactly when {@code expected} lists it, and then emits the event listed with it. */
    static <E extends Enum<E>> void assertEdge(List<String> expected, E from, E to, BiPredicate<E, E> allows,
                                                      BiFunction<E, E, Optional<EventType>> eventOf) {
        String edge = from + " -> " + to;
        String wanted = expected.stream().filter(l -> l.equals(edge) || l.startsWith(edge + " : ")).findFirst()
                .orElse(null);
        String actual = allows.test(from, to)
                ? edge + eventOf.apply(from, to).map(e -> " : " + e.typeName()).orElse("") : null;
        assertEquals(wanted, actual, edge);
    }
}
