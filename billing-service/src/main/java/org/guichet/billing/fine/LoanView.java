package org.guichet.billing.fine;

import java.time.LocalDate;

public record LoanView(String id, String loanId, String accountId, String itemBarcode, String title,
                       LocalDate dueDate, LocalDate firstDueDate, int renewals, LocalDate lostOn,
                       LocalDate returnedOn, int overdueOperatingDays, long accrued,
                       long fixed, long notYetPayable, String currency, String callNumber, String branch) {
    static LoanView of(Loan l) {
        return new LoanView(l.id.toString(), l.externalId, l.accountId, l.itemBarcode, l.itemTitle, l.dueDate,
                l.firstDueDate, l.renewals, l.lostOn, l.returnedOn, l.overdueDays, l.accrued, l.fixed, l.notYetPayable(),
                l.currency, l.callNumber, l.itemBranch);
    }
}
