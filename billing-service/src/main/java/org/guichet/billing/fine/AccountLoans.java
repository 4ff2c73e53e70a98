package org.guichet.billing.fine;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.billing.institution.InstitutionsConfig;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An account's loans not yet returned, with their running fees as of now. The nightly accrual stores a loan's
 * fee as of its last run ({@link Loan#accrued}, which includes what was fixed); here it is worked out to the
 * institution's today (to now for an hourly loan) the way a return would bill it, so a loan overdue since the
 * last night, or one whose accrual was missed, shows what the patron would pay on bringing it back.
 */
@ApplicationScoped
public class AccountLoans {
    @Inject
    InstitutionsConfig institutions;
    @Inject
    Clock clock;

    /** In a session. */
    public Uni<List<AccountLoanView>> notReturned(String tenant, String accountId) {
        InstitutionsConfig.Institution institution = institutions.of(tenant);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, institution.timeZone());
        return Loan.<Loan>list("tenant = ?1 and accountId = ?2 and returnedOn is null order by dueDate, itemBarcode",
                tenant, accountId).map(loans -> loans.stream().map(l -> view(l, institution, today, now)).toList());
    }

    static AccountLoanView view(Loan loan, InstitutionsConfig.Institution institution, LocalDate today, Instant now) {
        if (loan.lostOn != null) { // accrual stopped at the declaration, which billed the fee
            return view(loan, AccountLoanView.LOST, loan.overdueDays, loan.notYetPayable());
        }
        boolean overdue = loan.dueAt != null ? now.isAfter(loan.dueAt) : today.isAfter(loan.dueDate);
        if (!overdue) { // a return now bills nothing more (a renewal past an accrued fee counts from the new due date)
            return view(loan, AccountLoanView.ON_LOAN, 0, 0);
        }
        OperatingCalendar calendar = institution.calendar();
        int days = calendar.operatingDaysAfter(loan.dueDate, today);
        Optional<FinePolicy> policy = institution.finePolicy().map(loan::policy);
        long fee = policy.map(p -> {
            long owed = p.accrued(loan.overdueUnits(p, calendar, institution.timeZone(), loan.dueDate, today, now),
                    loan.replacementCost);
            if (loan.feeCap != null) {
                owed = Math.min(owed, loan.feeCap);
            }
            return Math.max(loan.fixed, owed) - loan.fixed;
        }).orElse(loan.notYetPayable());
        return view(loan, AccountLoanView.OVERDUE, days, fee);
    }

    private static AccountLoanView view(Loan l, String status, int overdueDays, long runningFee) {
        return new AccountLoanView(l.externalId, l.itemBarcode, l.itemTitle, l.callNumber, l.itemBranch, l.dueDate,
                l.dueAt, l.renewals, status, overdueDays, runningFee, l.currency, l.lostOn);
    }
}
