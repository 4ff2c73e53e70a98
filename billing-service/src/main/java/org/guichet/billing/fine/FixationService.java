package org.guichet.billing.fine;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.billing.invoice.InvoiceService;
import org.guichet.events.EventType;
import org.guichet.events.payload.FineAccrued;
import org.guichet.platform.outbox.Outbox;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Crystallises a loan's running fee into a payable bill when it reaches a fixation threshold
 * (R13), and settles the rest when the item comes back. The loan row is locked, so a replica
 * doing the same at the same moment waits and then finds nothing left to fix.
 */
@ApplicationScoped
public class FixationService {
    public static final String OPERATOR = "fine-policy";

    @Inject
    InvoiceService invoices;
    @Inject
    InstitutionsConfig institutions;
    @Inject
    Outbox outbox;

    /** Fixes a batch of loans in one transaction; returns how many bills were made. */
    public Uni<Integer> fixAll(List<UUID> loanIds, FinePolicy policy, LocalDate businessDate) {
        return Panache.withTransaction(() -> Multi.createFrom().iterable(loanIds)
                .onItem().transformToUniAndConcatenate(id -> fixOne(id, policy, businessDate))
                .collect().asList()
                .map(made -> (int) made.stream().filter(Boolean::booleanValue).count()));
    }

    /** Returns true when a bill was made; in the caller's transaction. */
    private Uni<Boolean> fixOne(UUID loanId, FinePolicy policy, LocalDate businessDate) {
        return Loan.<Loan>findById(loanId, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(loan -> {
                    if (loan == null || loan.returnedOn != null || loan.lostOn != null) {
                        return Uni.createFrom().item(false);
                    }
                    long target = policy.fixedTarget(loan.overdueDays, loan.replacementCost);
                    int tier = policy.tierReached(loan.overdueDays).orElse(0);
                    return billDifference(loan, target, "Late fee fixed at " + tier + " operating days", businessDate);
                });
    }

    /** Bills what the fee reached beyond what is already billed, and records it; in the caller's transaction. */
    Uni<Boolean> billDifference(Loan loan, long target, String what, LocalDate businessDate) {
        long amount = target - loan.fixed;
        if (amount <= 0) {
            return Uni.createFrom().item(false);
        }
        String reason = institutions.of(loan.tenant).fines().map(InstitutionsConfig.Fines::reason).orElse("LATE_FEE");
        String description = what + (loan.itemTitle == null ? "" : ": " + loan.itemTitle);
        return invoices.create(new InvoiceService.BillDraft(loan.tenant, OPERATOR, loan.accountId, amount,
                        loan.currency, reason, description, loan.itemBarcode, loan.itemTitle, null, loan.id, null))
                .flatMap(invoice -> {
                    loan.fixed = target;
                    loan.accrued = Math.max(loan.accrued, target);
                    return outbox.publish(EventType.FINE_ACCRUED, loan.tenant, loan.id.toString(), null,
                            new FineAccrued(loan.id.toString(), loan.accountId, loan.itemBarcode, businessDate,
                                    loan.overdueDays, loan.accrued, loan.fixed, loan.currency));
                })
                .replaceWith(true);
    }
}
