package org.guichet.billing.fine;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A loan not yet returned, as the staff desk lists it (issue 21): the item (barcode, title, call number,
 * branch), when it is due, {@code status} ON_LOAN, OVERDUE or LOST, the operating days it is overdue (the days
 * late fees count; frozen at the declaration for a lost item) and {@code runningFee}: the late fee accrued up
 * to now that is not yet payable — beyond what is already fixed into bills (those are on the bills list).
 */
public record AccountLoanView(String loanId, String itemBarcode, String title, String callNumber, String branch,
                              LocalDate dueDate, Instant dueAt, int renewals, String status, int overdueDays,
                              long runningFee, String currency, LocalDate lostOn) {
    public static final String ON_LOAN = "ON_LOAN";
    public static final String OVERDUE = "OVERDUE";
    public static final String LOST = "LOST";
}
