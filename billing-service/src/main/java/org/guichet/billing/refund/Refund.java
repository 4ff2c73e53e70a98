package org.guichet.billing.refund;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    public UUID invoiceId;
    public String accountId;
    public long amount;
    public String currency;
    public String destination;
    public String state;
    public String paymentId;
    public String reason;
    public String operator;
    public String grantedBy;
    public Instant requestedAt;
    public Instant settledAt;
}
