package org.guichet.cart.procedure;

import java.time.Instant;
import java.util.Map;

public record RequestView(String id, String procedure, String title, String regie, Map<String, String> criteria,
                          long amount, String currency, String state, String payableId, String paymentId,
                          String refusalReason, String owner, Instant createdAt, Instant readyAt) {
    static RequestView of(CitizenRequest r, Procedure p, String payableId) {
        return new RequestView(r.id.toString(), p.code, p.title, r.regie, r.criteriaMap(), r.amount, r.currency,
                r.state.name(), payableId, r.paymentId == null ? null : r.paymentId.toString(), r.refusalReason, r.owner,
                r.createdAt, r.readyAt);
    }
}
