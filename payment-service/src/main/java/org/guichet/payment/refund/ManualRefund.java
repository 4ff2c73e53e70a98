package org.guichet.payment.refund;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.guichet.platform.error.Problems;

import java.time.Instant;
import java.util.UUID;

/** A refund waiting for, or made by, a bank transfer (see {@link ManualRefundState}). */
@Entity
@Table(name = "manual_refund")
public class ManualRefund extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID paymentId;
    /** The payment's reference, repeated on the transfer so the payer recognises it. */
    @Column(name = "payment_ref")
    public String paymentReference;
    public String refundId;
    public String invoiceId;
    public String tenant;
    public String regie;
    public long amount;
    public String currency;
    public String reason;
    @Enumerated(EnumType.STRING)
    public ManualRefundState state;
    /** The secret in the form link sent to the payer: whoever holds it may give the account. */
    public String formToken;
    public String holderName;
    public String iban;
    public String bic;
    public UUID batchId;
    public Instant createdAt;
    public Instant detailsAt;
    public Instant executedAt;
    @Version
    public int version;

    /** Until when the form link works (M2); a new link (a transfer sent back) gets a new period. */
    public Instant formExpiresAt;
    /** When the link was used: it takes one account, once; another account needs a new link. */
    public Instant formUsedAt;

    /** A new form link for the payer, valid for {@code validity}. */
    void newForm(String token, Instant now, java.time.Duration validity) {
        formToken = token;
        formExpiresAt = now.plus(validity);
        formUsedAt = null;
    }

    /** The link can still take an account: not used, not expired, and the refund waits for one. */
    public boolean formOpen(Instant now) {
        return formUsedAt == null && (formExpiresAt == null || !now.isAfter(formExpiresAt))
                && state == ManualRefundState.AWAITING_BANK_DETAILS;
    }

    /** The payer's account, through the link: once, within its period (M2). */
    void takeBankDetails(String holder, String iban, String bic, Instant now) {
        if (formUsedAt != null) {
            throw Problems.gone("refund-form-used", "This link was used already: ask the institution for a new one "
                    + "to give another account");
        }
        if (formExpiresAt != null && now.isAfter(formExpiresAt)) {
            throw Problems.gone("refund-form-expired", "This link has expired: ask the institution for a new one");
        }
        moveTo(ManualRefundState.READY);
        holderName = holder;
        this.iban = iban;
        this.bic = bic;
        detailsAt = now;
        formUsedAt = now;
    }

    void moveTo(ManualRefundState next) {
        ManualRefundState.TRANSITIONS.check(state, next, "Manual refund " + id);
        state = next;
    }
}
