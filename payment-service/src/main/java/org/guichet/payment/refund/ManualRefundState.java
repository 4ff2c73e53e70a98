package org.guichet.payment.refund;

import org.guichet.events.EventType;
import org.guichet.platform.state.Transitions;

/**
 * A refund made by bank transfer: the payer gives an account (once per link: M2), finance puts it in a
 * transfer file, then marks the file executed by the bank. A transfer the bank sends back (a closed or
 * wrong account) asks the payer again; finance may cancel one not yet in a file (paid out another way).
 * {@link #TRANSITIONS} is the only source of moves; an illegal one is a request the state forbids, refused
 * with {@code 409 manual-refund-<state>}.
 */
public enum ManualRefundState {
    AWAITING_BANK_DETAILS, READY, IN_TRANSFER, EXECUTED, CANCELLED;

    public static final Transitions<ManualRefundState> TRANSITIONS = Transitions.of(ManualRefundState.class)
            .startingAt(AWAITING_BANK_DETAILS)
            .from(AWAITING_BANK_DETAILS).to(READY).emitting(EventType.REFUND_BANK_DETAILS_GIVEN)
            .from(AWAITING_BANK_DETAILS, READY).to(CANCELLED).emitting(EventType.REFUND_FAILED)
            .from(READY).to(IN_TRANSFER)
            .from(IN_TRANSFER).to(EXECUTED).emitting(EventType.REFUND_ISSUED)
            .from(IN_TRANSFER).to(AWAITING_BANK_DETAILS).emitting(EventType.REFUND_AWAITING_BANK_DETAILS)
            .rejectingIllegal(Transitions.Refusal.byState("manual-refund-", "refund"));
}
