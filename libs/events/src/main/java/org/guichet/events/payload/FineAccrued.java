package org.guichet.events.payload;

import java.time.LocalDate;

/**
 * The running late fee of one overdue loan changed (R2, R13). {@code accrued} is the total so far
 * (not payable online); {@code fixed} the part already crystallised into bills.
 */
public record FineAccrued(String loanId, String accountId, String itemBarcode, LocalDate businessDate,
                          int overdueOperatingDays, long accrued, long fixed, String currency) {
}
