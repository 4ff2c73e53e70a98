package org.guichet.billing.fine;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.billing.invoice.CancelRequest;
import org.guichet.billing.invoice.Invoice;
import org.guichet.billing.invoice.InvoiceService;
import org.guichet.billing.invoice.WaiveRequest;
import org.guichet.billing.override.Actor;
import org.guichet.billing.refund.RefundRequest;
import org.guichet.billing.refund.RefundService;

import java.time.LocalDate;
import java.util.List;

/**
 * Lost items and very overdue items that come back (R7). Declared lost: the late fee up to that day
 * is billed, then the replacement cost and the processing fee. Found: the replacement cost is
 * cleared — cancelled when nothing of it was paid, its unpaid rest waived by the policy otherwise,
 * what was paid refunded as credit unless the institution follows the SmartPay rule — the
 * processing fee likewise where the policy says so, and the late fee is charged from the first due
 * date to the return. All in the caller's transaction, with the loan row locked.
 */
@ApplicationScoped
public class LostItems {
    public static final String REPLACEMENT = "LOST_ITEM";
    public static final String PROCESSING = "PROCESSING_FEE";
    static final String FOUND_NOTE = "Item found and returned";

    @Inject
    FixationService fixation;
    @Inject
    InvoiceService invoices;
    @Inject
    RefundService refunds;

    Uni<Loan> lost(Loan loan, InstitutionsConfig.Institution institution, LocalDate on) {
        Uni<Boolean> lateFee = settleLateFee(loan, institution, loan.dueDate, on, "Late fee until declared lost");
        return lateFee.flatMap(x -> bill(loan, REPLACEMENT, loan.replacementCost, "Replacement cost"))
                .flatMap(x -> bill(loan, PROCESSING, institution.fines().flatMap(InstitutionsConfig.Fines::lostProcessingFee)
                        .orElse(null), "Processing fee for a lost item"))
                .map(x -> {
                    loan.lostOn = on;
                    return loan;
                });
    }

    Uni<Loan> found(Loan loan, InstitutionsConfig.Institution institution, LocalDate on) {
        boolean clearProcessing = institution.fines().map(InstitutionsConfig.Fines::processingFeeClearedWhenFound)
                .orElse(false);
        Actor policy = Actor.system(loan.tenant, FixationService.OPERATOR);
        return Invoice.<Invoice>list("loanId = ?1 and reason in ?2", loan.id,
                        clearProcessing ? List.of(REPLACEMENT, PROCESSING) : List.of(REPLACEMENT))
                .flatMap(bills -> Multi.createFrom().iterable(bills)
                        .onItem().transformToUniAndConcatenate(bill -> clear(bill, policy, institution))
                        .collect().asList())
                .flatMap(x -> settleLateFee(loan, institution, loan.firstDueDate, on,
                        "Late fee from the first due date " + loan.firstDueDate + " to the return"))
                .map(x -> {
                    loan.returnedOn = on;
                    return loan;
                });
    }

    private Uni<Void> clear(Invoice bill, Actor policy, InstitutionsConfig.Institution institution) {
        if (bill.state == org.guichet.billing.invoice.InvoiceState.CANCELLED) {
            return Uni.createFrom().voidItem();
        }
        if (bill.paid == 0 && bill.waived == 0) {
            return invoices.cancel(bill.id, policy, new CancelRequest(FOUND_NOTE, null)).replaceWithVoid();
        }
        Uni<Void> rest = bill.outstanding() > 0
                ? invoices.waive(bill.id, policy, new WaiveRequest(bill.outstanding(), FOUND_NOTE)).replaceWithVoid()
                : Uni.createFrom().voidItem();
        boolean smartPayKeepsIt = institution.noRefundAfterReplacementPaid() && REPLACEMENT.equals(bill.reason);
        return rest.call(() -> smartPayKeepsIt || bill.refundable() == 0 ? Uni.createFrom().voidItem()
                : refunds.refund(bill.id, policy, new RefundRequest(null, RefundRequest.Destination.CREDIT, FOUND_NOTE)));
    }

    /** Bills the late fee from {@code from} to {@code to} beyond what the loan already fixed. */
    private Uni<Boolean> settleLateFee(Loan loan, InstitutionsConfig.Institution institution, LocalDate from,
                                       LocalDate to, String what) {
        return institution.finePolicy().map(loan::policy).map(policy -> {
            int units = loan.settleFee(policy, institution.calendar(), institution.timeZone(), from, to, null);
            return fixation.billDifference(loan, loan.accrued, what + " (" + units + (policy.hourly() ? " operating hours)"
                    : " operating days)"), to);
        }).orElse(Uni.createFrom().item(false));
    }

    private Uni<Boolean> bill(Loan loan, String reason, Long amount, String what) {
        if (amount == null || amount <= 0) {
            return Uni.createFrom().item(false);
        }
        return invoices.create(new InvoiceService.BillDraft(loan.tenant, FixationService.OPERATOR, loan.accountId,
                        amount, loan.currency, reason, what + (loan.itemTitle == null ? "" : ": " + loan.itemTitle),
                        loan.billItem(), null, loan.id, null))
                .replaceWith(true);
    }
}
