package org.guichet.billing.override;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A supervisor's permission for one restricted agent to do one action once, shortly (R11), on one account
 * and, where it names one, one bill, for at most {@code maxAmount} where it names one (M1).
 */
@Entity
@Table(name = "override_grant")
public class OverrideGrant extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    public String agent;
    public String action;
    @Column(name = "granted_by")
    public String grantedBy;
    public String notes;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "max_amount")
    public Long maxAmount;
    @Column(name = "granted_at")
    public Instant grantedAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
    @Column(name = "used_on")
    public String usedOn;
}
