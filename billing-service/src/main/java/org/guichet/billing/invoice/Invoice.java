package org.guichet.billing.invoice;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.guichet.platform.error.Problems;
import org.guichet.platform.logging.LogFields;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A bill on an account. Amounts are minor units of {@link #currency}. */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {
    private static final Logger LOG = Logger.getLogger(Invoice.class);
    @Id
    public UUID id;
    public String tenant;
    public String number;
    public String accountId;
    public String regie;
    public String reason;
    public String description;
    public String itemBarcode;
    public String itemTitle;
    public String callNumber;
    /** The library branch the item belongs to. */
    public String itemBranch;
    public long amount;
    public long paid;
    public long waived;
    /** Given back to the payer (R7); never more than {@link #paid}. */
    public long refunded;
    public String currency;
    @Enumerated(EnumType.STRING)
    public InvoiceState state;
    public LocalDate issuedOn;
    public Instant createdAt;
    public String createdBy;
    public UUID loanId;
    /** The payment at the gateway that holds this bill, if any: it cannot be cancelled meanwhile. */
    public String pendingPaymentId;
    @Version
    public int version;

    public long outstanding() {
        return amount - paid - waived;
    }

    /**
     * Applies up to {@code offered} minor units and returns how much was taken; the state follows
     * the table in {@link InvoiceState#TRANSITIONS}.
     */
    public long applyPayment(long offered) {
        if (offered <= 0) {
            throw Problems.invalid("A payment must be positive");
        }
        if (state.isClosed()) {
            throw Problems.conflict("invoice-settled", "Invoice " + number + " is " + state + ": nothing to pay");
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
        if (state.isClosed()) { // before the amount: a paid bill is settled, not "0 outstanding"
            throw Problems.conflict("invoice-settled", "Invoice " + number + " is " + state + ": nothing to waive");
        }
        if (amount > outstanding()) {
            throw Problems.invalid("Invoice " + number + " has only " + outstanding() + " outstanding",
                    new org.guichet.platform.error.FieldError("amount", "must not exceed " + outstanding()));
        }
        waived += amount;
        moveTo(stateAfterSettlement());
    }

    /** R5: only a bill of which nothing was paid or waived can be cancelled, and not while a payment of it is under way. */
    public void cancel() {
        if (pendingPaymentId != null) {
            throw Problems.conflict("payment-pending", "Invoice " + number
                    + " is being paid at the gateway; it can be cancelled once that payment ended");
        }
        if (paid > 0 || waived > 0) {
            throw Problems.conflict("invoice-not-cancellable",
                    "Invoice " + number + " was already partly paid or waived and cannot be cancelled");
        }
        moveTo(InvoiceState.CANCELLED);
    }

    /** Gives back part of what was paid (R7); the bill keeps its state, its net received goes down. */
    public void refund(long amount) {
        if (amount <= 0) {
            throw Problems.invalid("The amount to refund must be positive",
                    new org.guichet.platform.error.FieldError("amount", "must be greater than 0"));
        }
        if (amount > refundable()) {
            throw Problems.invalid("Invoice " + number + " has only " + refundable() + " that can be refunded",
                    new org.guichet.platform.error.FieldError("amount", "must not exceed " + refundable()));
        }
        refunded += amount;
    }

    public long refundable() {
        return paid - refunded;
    }

    /** Fully settled bills go to the account history as PAID (any money received) or WAIVED. */
    private InvoiceState stateAfterSettlement() {
        if (outstanding() > 0) {
            return InvoiceState.PARTIALLY_PAID;
        }
        return paid > 0 ? InvoiceState.PAID : InvoiceState.WAIVED;
    }

    void moveTo(InvoiceState next) {
        InvoiceState.TRANSITIONS.check(state, next, "Invoice " + number);
        InvoiceState from = state;
        LogFields.with(LogFields.INVOICE_ID, id, () -> LOG.infof("invoice %s: %s -> %s", id, from, next));
        state = next;
    }

    public static Uni<Invoice> findInTenant(UUID id, String tenant) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }
}
