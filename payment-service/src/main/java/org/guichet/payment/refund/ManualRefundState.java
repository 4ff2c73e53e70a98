package org.guichet.payment.refund;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A refund made by bank transfer: the payer gives an account (once per link: M2), finance puts it in a
 * transfer file, then marks the file executed by the bank. A transfer the bank sends back (a closed or
 * wrong account) asks the payer again; finance may cancel one not yet in a file (paid out another way).
 * The table is the only source of transitions.
 */
public enum ManualRefundState {
    AWAITING_BANK_DETAILS, READY, IN_TRANSFER, EXECUTED, CANCELLED;

    private static final Map<ManualRefundState, Set<ManualRefundState>> ALLOWED = Map.of(
            AWAITING_BANK_DETAILS, EnumSet.of(READY, CANCELLED),
            READY, EnumSet.of(IN_TRANSFER, CANCELLED),
            IN_TRANSFER, EnumSet.of(EXECUTED, AWAITING_BANK_DETAILS),
            EXECUTED, EnumSet.noneOf(ManualRefundState.class),
            CANCELLED, EnumSet.noneOf(ManualRefundState.class));

    public boolean canBecome(ManualRefundState next) {
        return ALLOWED.get(this).contains(next);
    }
}
