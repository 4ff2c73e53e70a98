package org.guichet.billing.fine;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.billing.invoice.InvoiceService;
import org.guichet.events.EventType;
import org.guichet.events.payload.FineAccrued;
import org.guichet.platform.outbox.Outbox;

import java.time.LocalDate;

/**
 * Bills one loan's running fee beyond what is already fixed — on return, on loss, when a lost item
 * is found — in the caller's transaction, with the loan row locked. The nightly fixation of many
 * loans at their thresholds is one statement in {@link AccrualService}.
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

    /** Bills what the fee reached beyond what is already billed, and records it; in the caller's transaction. */
    Uni<Boolean> billDifference(Loan loan, long target, String what, LocalDate businessDate) {
        long amount = target - loan.fixed;
        if (amount <= 0) {
            return Uni.createFrom().item(false);
        }
        String reason = institutions.of(loan.tenant).fines().map(InstitutionsConfig.Fines::reason).orElse("LATE_FEE");
        String description = what + (loan.itemTitle == null ? "" : ": " + loan.itemTitle);
        return invoices.create(new InvoiceService.BillDraft(loan.tenant, OPERATOR, loan.accountId, amount,
                        loan.currency, reason, description, loan.billItem(), null, loan.id, null))
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
