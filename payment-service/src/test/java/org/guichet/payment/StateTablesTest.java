package org.guichet.payment;

import org.guichet.payment.payment.PaymentState;
import org.guichet.payment.refund.ManualRefundState;
import org.guichet.platform.error.ProblemException;
import org.guichet.testing.ReadmeDiagrams;
import org.guichet.testing.TransitionMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

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
            "AWAITING_BANK_DETAILS -> READY : RefundBankDetailsGiven",
            "AWAITING_BANK_DETAILS -> CANCELLED : RefundFailed",
            "READY -> IN_TRANSFER", "READY -> CANCELLED : RefundFailed",
            "IN_TRANSFER -> EXECUTED : RefundIssued",
            "IN_TRANSFER -> AWAITING_BANK_DETAILS : RefundAwaitingBankDetails");

    @TestFactory
    Stream<DynamicTest> payment() {
        return TransitionMatrix.cases(PaymentState.class, PAYMENT,
                PaymentState.TRANSITIONS::allows, PaymentState.TRANSITIONS::eventOf);
    }

    @TestFactory
    Stream<DynamicTest> manualRefund() {
        return TransitionMatrix.cases(ManualRefundState.class, MANUAL_REFUND,
                ManualRefundState.TRANSITIONS::allows, ManualRefundState.TRANSITIONS::eventOf);
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
