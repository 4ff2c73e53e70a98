package org.guichet.payment;

import org.guichet.payment.payment.PaymentState;
import org.guichet.payment.refund.ManualRefundState;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Payment-service's lifecycles, edge by edge (plain JUnit); also writes their diagrams into the README. */
class StateTablesTest {
    static final List<String> PAYMENT = List.of(
            "CREATED -> PENDING", "CREATED -> SETTLED : PaymentSettled", "CREATED -> FAILED : PaymentFailed",
            "CREATED -> CANCELLED : PaymentFailed", "CREATED -> EXPIRED : PaymentExpired",
            "PENDING -> SETTLED : PaymentSettled", "PENDING -> FAILED : PaymentFailed",
            "PENDING -> CANCELLED : PaymentFailed", "PENDING -> EXPIRED : PaymentExpired",
            "FAILED -> SETTLED : PaymentSettled", "CANCELLED -> SETTLED : PaymentSettled",
            "EXPIRED -> SETTLED : PaymentSettled",
            "SETTLED -> PARTIALLY_REFUNDED : RefundIssued", "SETTLED -> REFUNDED : RefundIssued",
            "PARTIALLY_REFUNDED -> PARTIALLY_REFUNDED : RefundIssued", "PARTIALLY_REFUNDED -> REFUNDED : RefundIssued");
    static final List<String> MANUAL_REFUND = List.of(
            "AWAITING_BANK_DETAILS -> READY : RefundBankDetailsGiven", "AWAITING_BANK_DETAILS -> CANCELLED : RefundFailed",
            "READY -> IN_TRANSFER", "READY -> CANCELLED : RefundFailed",
            "IN_TRANSFER -> EXECUTED : RefundIssued", "IN_TRANSFER -> AWAITING_BANK_DETAILS : RefundAwaitingBankDetails");

    static Stream<Arguments> paymentPairs() {
        return TransitionMatrix.pairs(PaymentState.class);
    }

    static Stream<Arguments> manualRefundPairs() {
        return TransitionMatrix.pairs(ManualRefundState.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("paymentPairs")
    void payment(PaymentState from, PaymentState to) {
        TransitionMatrix.assertEdge(PAYMENT, from, to, PaymentState.TRANSITIONS::allows, PaymentState.TRANSITIONS::eventOf);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("manualRefundPairs")
    void manualRefund(ManualRefundState from, ManualRefundState to) {
        TransitionMatrix.assertEdge(MANUAL_REFUND, from, to, ManualRefundState.TRANSITIONS::allows,
                ManualRefundState.TRANSITIONS::eventOf);
    }

    @Test
    void lateGatewayNewsIsIgnoredAndAnIllegalRefundMoveRefused() {
        assertFalse(PaymentState.TRANSITIONS.check(PaymentState.SETTLED, PaymentState.FAILED));
        ProblemException e = assertThrows(ProblemException.class, () -> ManualRefundState.TRANSITIONS.check(
                ManualRefundState.IN_TRANSFER, ManualRefundState.CANCELLED));
        assertEquals(409, e.status());
        assertEquals("manual-refund-in-transfer", e.slug());
        assertEquals("This refund is IN_TRANSFER: it cannot become CANCELLED", e.getMessage());
    }

    @Test
    void readmeShowsTheTables() {
        ReadmeDiagrams.sync(List.of(PaymentState.TRANSITIONS.mermaid(), ManualRefundState.TRANSITIONS.mermaid()));
    }
}
