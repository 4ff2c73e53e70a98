package org.guichet.platform.state;

import org.guichet.events.EventType;
import org.guichet.platform.error.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Optional;

import static org.guichet.platform.state.TransitionsTest.Light.AMBER;
import static org.guichet.platform.state.TransitionsTest.Light.GREEN;
import static org.guichet.platform.state.TransitionsTest.Light.OFF;
import static org.guichet.platform.state.TransitionsTest.Light.RED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransitionsTest {
    enum Light { RED, GREEN, AMBER, OFF }

    private static Transitions.Builder<Light> lights() {
        return Transitions.of(Light.class).startingAt(RED)
                .from(RED).to(GREEN).emitting(EventType.PAYMENT_SETTLED)
                .from(GREEN).to(AMBER)
                .from(AMBER).to(RED, AMBER).emitting(EventType.PAYMENT_FAILED)
                .from(RED, GREEN, AMBER).to(OFF);
    }

    @Test
    void holdsTheDeclaredEdgesAndNoOther() {
        Transitions<Light> t = lights().rejectingIllegal();
        assertEquals(EnumSet.of(GREEN, OFF), t.targets(RED));
        assertEquals(EnumSet.of(AMBER, OFF), t.targets(GREEN));
        assertEquals(EnumSet.of(RED, AMBER, OFF), t.targets(AMBER));
        assertEquals(EnumSet.noneOf(Light.class), t.targets(OFF));
        assertTrue(t.allows(AMBER, AMBER));
        assertFalse(t.allows(RED, RED));
        assertFalse(t.allows(GREEN, RED));
        assertEquals(EnumSet.of(RED, GREEN, AMBER), t.sources(OFF));
        assertEquals(EnumSet.of(AMBER), t.sources(RED));
        assertTrue(t.isFinal(OFF));
        assertFalse(t.isFinal(RED));
    }

    @Test
    void emittingLabelsOnlyTheEdgesOfTheLastTo() {
        Transitions<Light> t = lights().ignoringIllegal();
        assertEquals(Optional.of(EventType.PAYMENT_SETTLED), t.eventOf(RED, GREEN));
        assertEquals(Optional.of(EventType.PAYMENT_FAILED), t.eventOf(AMBER, RED));
        assertEquals(Optional.of(EventType.PAYMENT_FAILED), t.eventOf(AMBER, AMBER));
        assertEquals(Optional.empty(), t.eventOf(RED, OFF));
        assertEquals(Optional.empty(), t.eventOf(GREEN, RED), "not an edge");
    }

    @Test
    void rejectingTableThrowsAConflictNamingTheSubject() {
        Transitions<Light> t = lights().rejectingIllegal();
        assertTrue(t.check(RED, GREEN, "Light 7"));
        ProblemException e = assertThrows(ProblemException.class, () -> t.check(GREEN, RED, "Light 7"));
        assertEquals(409, e.status());
        assertEquals("illegal-transition", e.slug());
        assertEquals("Light 7 cannot go from GREEN to RED", e.getMessage());
        assertEquals(Transitions.Policy.REJECT, t.policy());
    }

    @Test
    void refusalByStateNamesTheStateMet() {
        Transitions<Light> t = lights().rejectingIllegal(Transitions.Refusal.byState("light-", "lamp"));
        ProblemException e = assertThrows(ProblemException.class, () -> t.check(OFF, RED));
        assertEquals(409, e.status());
        assertEquals("light-off", e.slug());
        assertEquals("This lamp is OFF: it cannot become RED", e.getMessage());
    }

    @Test
    void ignoringTableAnswersFalseAndThrowsNothing() {
        Transitions<Light> t = lights().ignoringIllegal();
        assertTrue(t.check(GREEN, AMBER));
        assertFalse(t.check(GREEN, RED));
        assertFalse(t.check(OFF, OFF));
        assertEquals(Transitions.Policy.IGNORE, t.policy());
    }

    @Test
    void anEdgeDeclaredTwiceOrOutOfOrderIsAMistake() {
        assertThrows(IllegalStateException.class, () -> lights().from(RED).to(GREEN));
        assertThrows(IllegalStateException.class, () -> Transitions.of(Light.class).to(RED));
        assertThrows(IllegalStateException.class,
                () -> Transitions.of(Light.class).from(RED).emitting(EventType.PAYMENT_SETTLED));
    }

    @Test
    void drawsTheTableAsMermaid() {
        assertEquals("""
                ---
                title: Light (an illegal move is ignored)
                ---
                stateDiagram-v2
                    [*] --> RED
                    RED --> GREEN : PaymentSettled
                    RED --> OFF
                    GREEN --> AMBER
                    GREEN --> OFF
                    AMBER --> RED : PaymentFailed
                    AMBER --> AMBER : PaymentFailed
                    AMBER --> OFF
                    OFF --> [*]
                """, lights().ignoringIllegal().mermaid());
    }
}
