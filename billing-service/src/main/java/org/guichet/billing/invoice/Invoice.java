package org.guichet.billing.invoice;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.guichet.platform.error.Problems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A bill on an account. Amounts are minor units of {@link #currency}. */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    public String number;
    @Column(name = "account_id")
    public String accountId;
    public String regie;
    public String reason;
    public String description;
    @Column(name = "item_barcode")
    public String itemBarcode;
    @Column(name = "item_title")
    public String itemTitle;
    public long amount;
    public long paid;
    public long waived;
    public String currency;
    @Enumerated(EnumType.STRING)
    public InvoiceState state;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public int version;

    public long outstanding() {
        return amount - paid - waived;
    }

    /**
     * Applies up to {@code offered} minor units and returns how much was taken; the state follows
     * the table in {@link InvoiceState}.
     */
    public long applyPayment(long offered) {
        if (offered <= 0) {
            throw Problems.invalid("A payment must be positive");
        }
        long taken = Math.min(offered, outstanding());
        if (taken == 0) {
            throw Problems.conflict("invoice-settled", "Invoice " + number + " has nothing left to pay");
        }
        paid += taken;
        moveTo(stateAfterSettlement());
        return taken;
    }

    /** Waives part or all of what is owed (R3); more than what is outstanding is refused. */
    public void waive(long amount) {
        if (amount <= 0) {
            throw Problems.invalid("The amount to waive must be positive", new org.guichet.platform.error.FieldError(
                    "amount", "must be greater than 0"));
        }
        if (amount > outstanding()) {
            throw Problems.invalid("Invoice " + number + " has only " + outstanding() + " outstanding",
                    new org.guichet.platform.error.FieldError("amount", "must not exceed " + outstanding()));
        }
        if (state.isClosed()) {
            throw Problems.conflict("invoice-closed", "Invoice " + number + " is " + state);
        }
        waived += amount;
        moveTo(stateAfterSettlement());
    }

    /** R5: only a bill of which nothing was paid or waived can be cancelled. */
    public void cancel() {
        if (paid > 0 || waived > 0) {
            throw Problems.conflict("invoice-not-cancellable",
                    "Invoice " + number + " was already partly paid or waived and cannot be cancelled");
        }
        moveTo(InvoiceState.CANCELLED);
    }

    /** Fully settled bills go to the account history as PAID (any money received) or WAIVED. */
    private InvoiceState stateAfterSettlement() {
        if (outstanding() > 0) {
            return InvoiceState.PARTIALLY_PAID;
        }
        return paid > 0 ? InvoiceState.PAID : InvoiceState.WAIVED;
    }

    void moveTo(InvoiceState next) {
        if (!state.canBecome(next)) {
            throw Problems.conflict("illegal-transition", "Invoice " + number + " cannot go from " + state + " to " + next);
        }
        state = next;
    }

    public static Uni<Invoice> findInTenant(UUID id, String tenant) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }

    public static Uni<List<Invoice>> ofAccount(String tenant, String accountId) {
        return list("tenant = ?1 and accountId = ?2 order by createdAt", tenant, accountId);
    }
}
