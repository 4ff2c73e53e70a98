package org.guichet.billing.fine;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "item_barcode")
    public String itemBarcode;
    @Column(name = "item_title")
    public String itemTitle;
    @Column(name = "replacement_cost")
    public Long replacementCost;
    public String currency;
    @Column(name = "due_date")
    public LocalDate dueDate;
    /** The due date of the checkout; renewals move {@link #dueDate} only (R7 counts from this one). */
    @Column(name = "first_due_date")
    public LocalDate firstDueDate;
    public int renewals;
    @Column(name = "lost_on")
    public LocalDate lostOn;
    @Column(name = "returned_on")
    public LocalDate returnedOn;
    /** The rate the loan was lent under (null: the institution's). */
    @Column(name = "fine_amount")
    public Long fineAmount;
    @Column(name = "fine_interval_days")
    public Integer fineIntervalDays;
    @Column(name = "grace_days")
    public Integer graceDays;
    @Column(name = "fee_cap")
    public Long feeCap;
    @Column(name = "overdue_days")
    public int overdueDays;
    public long accrued;
    public long fixed;
    @Column(name = "accrued_on")
    public LocalDate accruedOn;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public int version;

    /** The institution's policy as this loan was lent under it. */
    public FinePolicy policy(FinePolicy institutions) {
        return institutions.forLoan(fineAmount, fineIntervalDays, graceDays);
    }

    /** Accrued but not yet fixed into a bill: shown, not payable online (R2, R13). */
    public long notYetPayable() {
        return accrued - fixed;
    }
}
