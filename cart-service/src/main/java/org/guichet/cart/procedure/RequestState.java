package org.guichet.cart.procedure;

import org.guichet.events.EventType;
import org.guichet.platform.state.Transitions;

/**
 * A procedure request's life (R19–R22): it waits for its payment (agents do not see it), is to be
 * processed once paid (or at once when free), and may be refused by an agent (refunded if paid).
 * {@link #TRANSITIONS} is the only source of moves; an illegal one is refused with
 * {@code 409 request-<state>}.
 */
public enum RequestState {
    AWAITING_PAYMENT, TO_PROCESS, REFUSED;

    public static final Transitions<RequestState> TRANSITIONS = Transitions.of(RequestState.class)
            .startingAt(AWAITING_PAYMENT, TO_PROCESS)
            .from(AWAITING_PAYMENT).to(TO_PROCESS).emitting(EventType.REQUEST_READY)
            .from(TO_PROCESS).to(REFUSED).emitting(EventType.REQUEST_REFUSED)
            .rejectingIllegal(Transitions.Refusal.byState("request-", "request"));

    /** What agents may see: never a request still waiting for its money (R21). */
    public boolean visibleToAgents() {
        return this != AWAITING_PAYMENT;
    }
}
