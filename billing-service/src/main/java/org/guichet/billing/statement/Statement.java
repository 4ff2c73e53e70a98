package org.guichet.billing.statement;

import org.guichet.billing.account.AccountHistory;

import java.time.LocalDate;
import java.util.List;

/** What an account statement shows for a period: the bills, the history lines and the totals. */
public record Statement(String institution, String accountId, String accountName, LocalDate from, LocalDate to,
                        String currency, List<BillLine> bills, List<AccountHistory.Line> history, long billed,
                        long paid, long waived, long refunded, long balance, long credit) {

    public record BillLine(String number, LocalDate issuedOn, String reason, String description, long amount,
                           long paid, long waived, long refunded, long outstanding, String state) {
    }
}
