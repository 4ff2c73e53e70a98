package org.guichet.cart;

import org.guichet.cart.checkout.PaymentStatus;
import org.guichet.cart.payable.PayableStatus;
import org.guichet.cart.procedure.RequestState;
import org.guichet.platform.error.ProblemException;
import org.guichet.testing.ReadmeDiagrams;
import org.guichet.testing.TransitionMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    static Stream<Arguments> payablePairs() {
        return TransitionMatrix.pairs(PayableStatus.class);
    }

    static Stream<Arguments> requestPairs() {
        return TransitionMatrix.pairs(RequestState.class);
    }

    static Stream<Arguments> paymentPairs() {
        return TransitionMatrix.pairs(PaymentStatus.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("payablePairs")
    void payable(PayableStatus from, PayableStatus to) {
        TransitionMatrix.assertEdge(PAYABLE, from, to, PayableStatus.TRANSITIONS::allows, PayableStatus.TRANSITIONS::eventOf);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("requestPairs")
    void request(RequestState from, RequestState to) {
        TransitionMatrix.assertEdge(REQUEST, from, to, RequestState.TRANSITIONS::allows, RequestState.TRANSITIONS::eventOf);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("paymentPairs")
    void payment(PaymentStatus from, PaymentStatus to) {
        TransitionMatrix.assertEdge(PAYMENT, from, to, PaymentStatus.TRANSITIONS::allows, PaymentStatus.TRANSITIONS::eventOf);
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
