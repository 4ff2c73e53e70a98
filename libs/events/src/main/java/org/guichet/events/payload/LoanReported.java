package org.guichet.events.payload;

import java.time.LocalDate;

/**
 * The library system reports what happened to a loan: CHECKOUT (with due date and replacement
 * cost), RENEWAL (new due date), RETURN, LOST (declared lost) or FOUND (a lost item came back).
 * {@code occurredOn} is the business date of a return, loss or find.
 */
public record LoanReported(String action, String loanId, String accountId, String itemBarcode, String title,
                           Long replacementCost, LocalDate dueDate, LocalDate occurredOn) {
    public static final String CHECKOUT = "CHECKOUT";
    public static final String RENEWAL = "RENEWAL";
    public static final String RETURN = "RETURN";
    public static final String LOST = "LOST";
    public static final String FOUND = "FOUND";
}
