package org.guichet.billing.fine;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.guichet.billing.invoice.InvoiceService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A loan reported by the library system, and its running late fee. */
@Entity
@Table(name = "loan")
public class Loan extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    public String externalId;
    public String accountId;
    public String itemBarcode;
    public String itemTitle;
    public String callNumber;
    /** The library branch the item belongs to. */
    public String itemBranch;
    public Long replacementCost;
    public String currency;
    public LocalDate dueDate;
    /** The due date of the checkout; renewals move {@link #dueDate} only (R7 counts from this one). */
    public LocalDate firstDueDate;
    public int renewals;
    public LocalDate lostOn;
    public LocalDate returnedOn;
    /** The rate the loan was lent under (null: the institution's). */
    public Long fineAmount;
    public Integer fineIntervalDays;
    public Integer graceDays;
    public Boolean finePerHour;
    /** When an hourly loan is due (a day-based loan is due at the end of {@link #dueDate}). */
    public java.time.Instant dueAt;
    public Long feeCap;
    public int overdueDays;
    public long accrued;
    public long fixed;
    public LocalDate accruedOn;
    public Instant createdAt;
    @Version
    public int version;

    /** The institution's policy as this loan was lent under it. */
    public FinePolicy policy(FinePolicy institutions) {
        return institutions.forLoan(fineAmount, fineIntervalDays, graceDays, finePerHour);
    }

    /**
     * What is late between a due date and a return: operating days, or for an hourly policy the
     * started operating hours from the due time ({@code at}, or the end of {@code to} when unknown).
     */
    public int overdueUnits(FinePolicy policy, OperatingCalendar calendar, java.time.ZoneId zone, LocalDate from,
                            LocalDate to, java.time.Instant at) {
        if (!policy.hourly()) {
            return calendar.operatingDaysAfter(from, to);
        }
        java.time.Instant start = dueAt != null && from.equals(dueDate) ? dueAt
                : from.plusDays(1).atStartOfDay(zone).toInstant();
        java.time.Instant end = at != null ? at : to.plusDays(1).atStartOfDay(zone).toInstant();
        return (int) ((calendar.operatingMinutesBetween(start, end, zone) + 59) / 60);
    }

    /**
     * Brings the running fee to what is owed between {@code from} (a due date) and {@code to} (or the
     * time {@code at}, for an hourly policy) — never below what is already fixed — and answers the units
     * it counted.
     */
    public int settleFee(FinePolicy policy, OperatingCalendar calendar, java.time.ZoneId zone, LocalDate from,
                         LocalDate to, java.time.Instant at) {
        overdueDays = calendar.operatingDaysAfter(from, to);
        int units = overdueUnits(policy, calendar, zone, from, to, at);
        accrued = Math.max(fixed, policy.accrued(units, replacementCost));
        return units;
    }

    /** The item as its bills show it. */
    public InvoiceService.BillItem billItem() {
        return new InvoiceService.BillItem(itemBarcode, itemTitle, callNumber, itemBranch);
    }

    /** Accrued but not yet fixed into a bill: shown, not payable online (R2, R13). */
    public long notYetPayable() {
        return accrued - fixed;
    }
}
