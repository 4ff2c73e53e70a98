package org.guichet.billing.fine;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.events.payload.LoanReported;
import org.guichet.platform.consumer.IdempotentConsumer;
import org.guichet.platform.error.Problems;

/**
 * The library system's loans as a Kafka topic (the same operations as over REST): each report is
 * applied once; a report that breaks a rule (an unknown loan, a return twice) is logged and skipped.
 */
@ApplicationScoped
public class LoanEventsConsumer {
    static final String CONSUMER = "billing.loans";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    LoanService loans;

    @Incoming("loans")
    public Uni<Void> onLoanEvent(String record) {
        return consumer.apply(CONSUMER, record, EventType.LOAN_REPORTED, this::apply);
    }

    Uni<Void> apply(EventEnvelope envelope) {
        String tenant = envelope.tenant();
        LoanReported r = envelope.payloadAs(LoanReported.class);
        require(r);
        return switch (r.action()) {
            case LoanReported.CHECKOUT -> loans.checkout(tenant, new LoanRequest(r.loanId(), r.accountId(),
                    r.itemBarcode(), r.title(), r.replacementCost(), r.dueDate(), null, null, null)).replaceWithVoid();
            case LoanReported.RENEWAL -> loans.renewed(tenant, r.loanId(), r.dueDate()).replaceWithVoid();
            case LoanReported.RETURN -> loans.returned(tenant, r.loanId(), new ReturnRequest(r.occurredOn()))
                    .replaceWithVoid();
            case LoanReported.FOUND -> loans.found(tenant, r.loanId(), new ReturnRequest(r.occurredOn())).replaceWithVoid();
            case LoanReported.LOST -> loans.lost(tenant, r.loanId(), r.occurredOn()).replaceWithVoid();
            default -> throw Problems.invalid("Unknown loan action " + r.action());
        };
    }

    /** What each action needs; a report without it is rejected (skipped), never retried. */
    private static void require(LoanReported r) {
        boolean complete = r.loanId() != null && !r.loanId().isBlank() && r.action() != null && switch (r.action()) {
            case LoanReported.CHECKOUT -> r.accountId() != null && r.itemBarcode() != null && r.dueDate() != null
                    && (r.replacementCost() == null || r.replacementCost() >= 0);
            case LoanReported.RENEWAL -> r.dueDate() != null;
            case LoanReported.RETURN, LoanReported.FOUND, LoanReported.LOST -> r.occurredOn() != null;
            default -> true;
        };
        if (!complete) {
            throw Problems.invalid("Loan report " + r.action() + " of " + r.loanId() + " lacks a field it needs");
        }
    }
}
