package org.guichet.billing.refund;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Money of a paid bill given back (R7): as credit at once, or through the payment that brought it
 * (REQUESTED until payment-service reports RefundIssued); its states are {@link RefundState}.
 */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {
    public static final String TO_CREDIT = "CREDIT";
    public static final String TO_ORIGINAL = "ORIGINAL";

    @Id
    public UUID id;
    public String tenant;
    public UUID invoiceId;
    public String accountId;
    public long amount;
    public String currency;
    public String destination;
    @Enumerated(EnumType.STRING)
    public RefundState state;
    public String paymentId;
    public String reason;
    public String operator;
    public String grantedBy;
    public Instant requestedAt;
    public Instant settledAt;

    /** Moves to {@code next} when the table allows it; false (nothing changes) for a repeated or late answer. */
    public boolean moveTo(RefundState next) {
        if (!RefundState.TRANSITIONS.check(state, next, "Refund " + id)) {
            return false;
        }
        state = next;
        return true;
    }
}
