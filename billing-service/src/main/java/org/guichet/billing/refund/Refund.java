package org.guichet.billing.refund;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Money of a paid bill given back (R7): as credit at once, or through the payment that brought it
 * (REQUESTED until payment-service reports RefundIssued).
 */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {
    public static final String TO_CREDIT = "CREDIT";
    public static final String TO_ORIGINAL = "ORIGINAL";
    public static final String REQUESTED = "REQUESTED";
    public static final String ISSUED = "ISSUED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "account_id")
    public String accountId;
    public long amount;
    public String currency;
    public String destination;
    public String state;
    @Column(name = "payment_id")
    public String paymentId;
    public String reason;
    public String operator;
    @Column(name = "granted_by")
    public String grantedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "settled_at")
    public Instant settledAt;
}
