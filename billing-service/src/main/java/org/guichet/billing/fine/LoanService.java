package org.guichet.billing.fine;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.guichet.billing.account.Account;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.platform.Ids;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Loans as the library system reports them: checkout, and return (which settles the running fee). */
@ApplicationScoped
public class LoanService {
    @Inject
    InstitutionsConfig institutions;
    @Inject
    FixationService fixation;
    @Inject
    LostItems lostAndFound;
    @Inject
    org.guichet.billing.account.AccountStanding standing;
    @Inject
    Clock clock;

    /** A checkout keeps the late-fee rate of the patron's type at that moment. */
    @WithTransaction
    public Uni<Loan> checkout(String tenant, LoanRequest request) {
        InstitutionsConfig.Institution institution = institutions.of(tenant);
        return org.guichet.billing.account.Account.requireOpen(tenant, request.accountId())
                .flatMap(open -> Loan.<Loan>find("tenant = ?1 and externalId = ?2", tenant, request.loanId()).firstResult())
                .flatMap(existing -> {
                    if (existing != null) {
                        throw Problems.conflict("loan-exists", "Loan " + request.loanId() + " is already reported");
                    }
                    return Account.<Account>find("tenant = ?1 and accountId = ?2", tenant, request.accountId())
                            .<Account>firstResult();
                })
                .flatMap(account -> {
                    Optional<FinePolicy> policy = institution.finePolicy(account == null ? null : account.patronType);
                    Loan loan = new Loan();
                    loan.id = Ids.newId();
                    loan.tenant = tenant;
                    loan.externalId = request.loanId();
                    loan.accountId = request.accountId();
                    loan.itemBarcode = request.itemBarcode();
                    loan.itemTitle = request.title();
                    loan.callNumber = request.callNumber();
                    loan.itemBranch = request.branch();
                    loan.replacementCost = request.replacementCost();
                    loan.currency = institution.currency();
                    loan.dueDate = request.dueDate();
                    loan.firstDueDate = request.dueDate();
                    policy.ifPresent(p -> {
                        loan.fineAmount = p.amountPerInterval();
                        loan.fineIntervalDays = p.intervalUnits();
                        loan.graceDays = p.graceUnits();
                        loan.finePerHour = p.hourly();
                        if (p.hourly()) {
                            loan.dueAt = request.dueAt() != null ? request.dueAt().toInstant()
                                    : request.dueDate().plusDays(1).atStartOfDay(institution.timeZone()).toInstant();
                        }
                        p.cap(request.replacementCost()).ifPresent(cap -> loan.feeCap = cap);
                    });
                    loan.createdAt = clock.instant();
                    return loan.<Loan>persist();
                });
    }

    /**
     * The item is back: the fee is computed to the return date and what was not yet fixed is billed
     * (at the counter the running fee is settled when the item comes back); accrual stops.
     */
    @WithTransaction
    public Uni<Loan> returned(String tenant, String externalId, ReturnRequest request) {
        InstitutionsConfig.Institution institution = institutions.of(tenant);
        return Loan.<Loan>find("tenant = ?1 and externalId = ?2", tenant, externalId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .flatMap(loan -> {
                    if (loan == null) {
                        throw Problems.notFound("Loan " + externalId);
                    }
                    if (loan.returnedOn != null) {
                        return Uni.createFrom().item(loan);
                    }
                    if (loan.lostOn != null) {
                        return lostAndFound.found(loan, institution, request.returnedOn())
                                .call(l -> standing.reassess(tenant, l.accountId));
                    }
                    if (request.returnedOn().isBefore(loan.dueDate.minusYears(5))
                            || (request.returnedAt() != null && !request.returnedAt().atZoneSameInstant(
                            institution.timeZone()).toLocalDate().equals(request.returnedOn()))) {
                        throw Problems.invalid("returnedOn is not plausible, or returnedAt is another day");
                    }
                    Uni<Boolean> settle = institution.finePolicy().map(loan::policy).map(policy -> {
                        loan.settleFee(policy, institution.calendar(), institution.timeZone(), loan.dueDate,
                                request.returnedOn(), request.returnedAt() == null ? null : request.returnedAt().toInstant());
                        return fixation.billDifference(loan, loan.accrued, "Late fee on return after " + loan.overdueDays
                                + " operating days", request.returnedOn());
                    }).orElse(Uni.createFrom().item(false));
                    return settle.map(ignored -> {
                        loan.returnedOn = request.returnedOn();
                        return loan;
                    }).call(l -> standing.reassess(tenant, l.accountId));
                });
    }

    /** A lost item came back: a return of a loan declared lost (R7); a loan not lost is a conflict. */
    @WithTransaction
    public Uni<Loan> found(String tenant, String externalId, ReturnRequest request) {
        return Loan.<Loan>find("tenant = ?1 and externalId = ?2", tenant, externalId).firstResult().flatMap(loan -> {
            if (loan == null) {
                throw Problems.notFound("Loan " + externalId);
            }
            if (loan.lostOn == null) {
                throw Problems.conflict("loan-not-lost", "Loan " + externalId + " was not declared lost");
            }
            return returned(tenant, externalId, request);
        });
    }

    /** A renewal moves the due date forward; the first due date stays (R7). */
    @WithTransaction
    public Uni<Loan> renewed(String tenant, String externalId, LocalDate newDueDate) {
        return openLoan(tenant, externalId).map(loan -> {
            if (!newDueDate.isAfter(loan.dueDate)) {
                throw Problems.invalid("A renewal moves the due date forward (now " + loan.dueDate + ")",
                        new FieldError("dueDate", "must be after " + loan.dueDate));
            }
            loan.dueDate = newDueDate;
            loan.renewals++;
            return loan;
        });
    }

    /** Declared lost: the running fee is settled, the replacement cost and processing fee billed; accrual stops. */
    @WithTransaction
    public Uni<Loan> lost(String tenant, String externalId, LocalDate on) {
        InstitutionsConfig.Institution institution = institutions.of(tenant);
        return openLoan(tenant, externalId).flatMap(loan -> lostAndFound.lost(loan, institution, on))
                .call(loan -> standing.reassess(tenant, loan.accountId));
    }

    private static Uni<Loan> openLoan(String tenant, String externalId) {
        return Loan.<Loan>find("tenant = ?1 and externalId = ?2", tenant, externalId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .map(loan -> {
                    if (loan == null) {
                        throw Problems.notFound("Loan " + externalId);
                    }
                    if (loan.returnedOn != null || loan.lostOn != null) {
                        throw Problems.conflict("loan-closed", "Loan " + externalId + " was already "
                                + (loan.returnedOn != null ? "returned" : "declared lost"));
                    }
                    return loan;
                });
    }

    @WithSession
    public Uni<List<Loan>> ofAccount(String tenant, String accountId) {
        return Loan.list("tenant = ?1 and accountId = ?2 order by dueDate", tenant, accountId);
    }
}
