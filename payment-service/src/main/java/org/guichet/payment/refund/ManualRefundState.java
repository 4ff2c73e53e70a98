package org.guichet.payment.refund;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A refund made by bank transfer: the payer gives (and may correct) an account, finance puts it in a
 * transfer file, then marks the file executed by the bank. The table is the only source of transitions.
 */
public enum ManualRefundState {
    AWAITING_BANK_DETAILS, READY, IN_TRANSFER, EXECUTED;

    private static final Map<ManualRefundState, Set<ManualRefundState>> ALLOWED = Map.of(
            AWAITING_BANK_DETAILS, EnumSet.of(READY),
            READY, EnumSet.of(READY, IN_TRANSFER),
            IN_TRANSFER, EnumSet.of(EXECUTED),
            EXECUTED, EnumSet.noneOf(ManualRefundState.class));

    public boolean canBecome(ManualRefundState next) {
        return ALLOWED.get(this).contains(next);
    }
}
