package org.guichet.billing;

import org.guichet.billing.invoice.InvoiceState;
import org.guichet.billing.refund.RefundState;
import org.guichet.platform.error.ProblemException;
import org.guichet.platform.state.Transitions;
import org.guichet.testing.ReadmeDiagrams;
import org.guichet.testing.TransitionMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Billing's lifecycles, edge by edge (plain JUnit); also writes their diagrams into the README. */
class StateTablesTest {
    static final List<String> INVOICE = List.of(
            "OPEN -> PARTIALLY_PAID", "OPEN -> PAID", "OPEN -> WAIVED : InvoiceWaived",
            "OPEN -> CANCELLED : InvoiceCancelled",
            "PARTIALLY_PAID -> PARTIALLY_PAID", "PARTIALLY_PAID -> PAID", "PARTIALLY_PAID -> WAIVED : InvoiceWaived");
    static final List<String> REFUND = List.of(
            "REQUESTED -> ISSUED", "REQUESTED -> FAILED", "FAILED -> ISSUED");

    @TestFactory
    Stream<DynamicTest> invoice() {
        return TransitionMatrix.cases(InvoiceState.class, INVOICE,
                InvoiceState.TRANSITIONS::allows, InvoiceState.TRANSITIONS::eventOf);
    }

    @TestFactory
    Stream<DynamicTest> refund() {
        return TransitionMatrix.cases(RefundState.class, REFUND,
                RefundState.TRANSITIONS::allows, RefundState.TRANSITIONS::eventOf);
    }

    @Test
    void anIllegalInvoiceMoveIsRefusedAndARepeatedRefundAnswerIgnored() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> InvoiceState.TRANSITIONS.check(InvoiceState.PAID, InvoiceState.OPEN, "Invoice F-1"));
        assertEquals(409, e.status());
        assertEquals("illegal-transition", e.slug());
        assertEquals(Transitions.Policy.IGNORE, RefundState.TRANSITIONS.policy());
        assertEquals(false, RefundState.TRANSITIONS.check(RefundState.ISSUED, RefundState.ISSUED));
    }

    @Test
    void readmeShowsTheTables() {
        ReadmeDiagrams.sync(List.of(InvoiceState.TRANSITIONS.mermaid(), RefundState.TRANSITIONS.mermaid()));
    }
}
