package org.guichet.payment.refund;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A bill's share of a payment that paid it a second time: to be given back without anyone asking. */
@Entity
@Table(name = "automatic_refund")
public class AutomaticRefund extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID paymentId;
    public String invoiceId;
    public long amount;
    public String reason;
    public Instant createdAt;
    public Instant doneAt;
    public int attempts;
    public Instant nextAttemptAt;
}
