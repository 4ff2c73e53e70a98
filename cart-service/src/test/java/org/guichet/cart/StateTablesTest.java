package org.guichet.cart;

import org.guichet.cart.checkout.PaymentStatus;
import org.guichet.cart.payable.PayableStatus;
import org.guichet.cart.procedure.RequestState;
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

/** The cart's lifecycles, edge by edge (plain JUnit); also writes their diagrams into the README. */
class StateTablesTest {
    static final List<String> PAYABLE = List.of(
            "AVAILABLE -> PENDING_PAYMENT", "AVAILABLE -> PAID", "AVAILABLE -> WITHDRAWN",
            "PENDING_PAYMENT -> AVAILABLE", "PENDING_PAYMENT -> PAID", "PENDING_PAYMENT -> WITHDRAWN");
    static final List<String> REQUEST = List.of(
            "AWAITING_PAYMENT -> TO_PROCESS : RequestReady", "TO_PROCESS -> REFUSED : RequestRefused");
    static final List<String> PAYMENT = List.of(
            "PENDING -> SETTLED", "PENDING -> FAILED", "FAILED -> SETTLED");

    @TestFactory
    Stream<DynamicTest> payable() {
        return TransitionMatrix.cases(PayableStatus.class, PAYABLE,
                PayableStatus.TRANSITIONS::allows, PayableStatus.TRANSITIONS::eventOf);
    }

    @TestFactory
    Stream<DynamicTest> request() {
        return TransitionMatrix.cases(RequestState.class, REQUEST,
                RequestState.TRANSITIONS::allows, RequestState.TRANSITIONS::eventOf);
    }

    @TestFactory
    Stream<DynamicTest> payment() {
        return TransitionMatrix.cases(PaymentStatus.class, PAYMENT,
                PaymentStatus.TRANSITIONS::allows, PaymentStatus.TRANSITIONS::eventOf);
    }

    @Test
    void illegalMovesAreRefusedWithTheirOwnProblem() {
        ProblemException request = assertThrows(ProblemException.class,
                () -> RequestState.TRANSITIONS.check(RequestState.REFUSED, RequestState.TO_PROCESS));
        assertEquals(409, request.status());
        assertEquals("request-refused", request.slug());
        ProblemException item = assertThrows(ProblemException.class,
                () -> PayableStatus.TRANSITIONS.check(PayableStatus.PAID, PayableStatus.AVAILABLE, "Item 1"));
        assertEquals("illegal-transition", item.slug());
        assertEquals("Item 1 cannot go from PAID to AVAILABLE", item.getMessage());
        assertThrows(ProblemException.class,
                () -> PaymentStatus.TRANSITIONS.check(PaymentStatus.SETTLED, PaymentStatus.FAILED, "Payment 1"));
    }

    @Test
    void readmeShowsTheTables() {
        ReadmeDiagrams.sync(List.of(PayableStatus.TRANSITIONS.mermaid(), RequestState.TRANSITIONS.mermaid(),
                PaymentStatus.TRANSITIONS.mermaid()));
    }
}
