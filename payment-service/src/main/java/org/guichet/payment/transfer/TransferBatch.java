package org.guichet.payment.transfer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One SEPA credit-transfer file finance exported, kept as generated so it can be downloaded again. */
@Entity
@Table(name = "transfer_batch")
public class TransferBatch extends PanacheEntityBase {
    @Id
    public UUID id;
    public String messageId;
    public int transfers;
    public String document;
    public String createdBy;
    public Instant createdAt;
    public String executedBy;
    public Instant executedAt;
}
