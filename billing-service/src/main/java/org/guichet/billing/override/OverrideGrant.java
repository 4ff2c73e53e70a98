package org.guichet.billing.override;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    public String grantedBy;
    public String notes;
    public String accountId;
    public UUID invoiceId;
    public Long maxAmount;
    public Instant grantedAt;
    public Instant expiresAt;
    public Instant usedAt;
    public String usedOn;
}
