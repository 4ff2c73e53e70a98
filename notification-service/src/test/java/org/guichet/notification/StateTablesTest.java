package org.guichet.notification;

import org.guichet.notification.delivery.DeliveryStatus;
import org.guichet.platform.error.ProblemException;
import org.guichet.testing.ReadmeDiagrams;
import org.guichet.testing.TransitionMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An email delivery's lifecycle, edge by edge (plain JUnit); also writes its diagram into the README. */
class StateTablesTest {
    static final List<String> DELIVERY = List.of(
            "PENDING -> PENDING", "PENDING -> SENT : NotificationSent", "PENDING -> FAILED");

    @TestFactory
    Stream<DynamicTest> delivery() {
        return TransitionMatrix.cases(DeliveryStatus.class, DELIVERY,
                DeliveryStatus.TRANSITIONS::allows, DeliveryStatus.TRANSITIONS::eventOf);
    }

    @Test
    void theSenderClaimsWhatTheTableLetsBecomeSentAndRefusesAnyOtherMove() {
        assertEquals("'PENDING'", DeliveryStatus.sendableSql());
        ProblemException e = assertThrows(ProblemException.class,
                () -> DeliveryStatus.TRANSITIONS.check(DeliveryStatus.SENT, DeliveryStatus.SENT, "Email 1"));
        assertEquals(409, e.status());
    }

    @Test
    void readmeShowsTheTable() {
        ReadmeDiagrams.sync(List.of(DeliveryStatus.TRANSITIONS.mermaid()));
    }
}
