package org.guichet.cart.procedure;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A procedure request's life (R19–R22): it waits for its payment (agents do not see it), is to be
 * processed once paid (or at once when free), and may be refused by an agent (refunded if paid).
 */
public enum RequestState {
    AWAITING_PAYMENT, TO_PROCESS, REFUSED;

    private static final Map<RequestState, Set<RequestState>> ALLOWED = Map.of(
            AWAITING_PAYMENT, EnumSet.of(TO_PROCESS),
            TO_PROCESS, EnumSet.of(REFUSED),
            REFUSED, EnumSet.noneOf(RequestState.class));

    public boolean canBecome(RequestState next) {
        return ALLOWED.get(this).contains(next);
    }

    /** What agents may see: never a request still waiting for its money (R21). */
    public boolean visibleToAgents() {
        return this != AWAITING_PAYMENT;
    }
}
