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
    @Column(name = "payment_id")
    public UUID paymentId;
    /** The payment's reference, repeated on the transfer so the payer recognises it. */
    @Column(name = "payment_ref")
    public String paymentReference;
    @Column(name = "refund_id")
    public String refundId;
    @Column(name = "invoice_id")
    public String invoiceId;
    public String tenant;
    public String regie;
    public long amount;
    public String currency;
    public String reason;
    @Enumerated(EnumType.STRING)
    public ManualRefundState state;
    /** The secret in the form link sent to the payer: whoever holds it may give the account. */
    @Column(name = "form_token")
    public String formToken;
    @Column(name = "holder_name")
    public String holderName;
    public String iban;
    public String bic;
    @Column(name = "batch_id")
    public UUID batchId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "details_at")
    public Instant detailsAt;
    @Column(name = "executed_at")
    public Instant executedAt;
    @Version
    public int version;

    void moveTo(ManualRefundState next) {
        if (!state.canBecome(next)) {
            throw Problems.conflict("manual-refund-" + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    "This refund is " + state + ": it cannot become " + next);
        }
        state = next;
    }
}
