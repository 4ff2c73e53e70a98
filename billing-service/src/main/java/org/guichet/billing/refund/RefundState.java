package org.guichet.billing.refund;

import org.guichet.platform.state.Transitions;

/**
 * A refund to the credit is ISSUED at once; one through the original payment is REQUESTED until
 * payment-service answers RefundIssued or RefundFailed. Those answers may come twice: a move the table
 * does not allow is ignored. A RefundIssued after a RefundFailed still marks the refund issued (the money
 * went back), as billing always did.
 */
public enum RefundState {
    REQUESTED, ISSUED, FAILED;

    public static final Transitions<RefundState> TRANSITIONS = Transitions.of(RefundState.class)
            .startingAt(REQUESTED, ISSUED)
            .from(REQUESTED).to(ISSUED, FAILED)
            .from(FAILED).to(ISSUED)
            .ignoringIllegal();
}
