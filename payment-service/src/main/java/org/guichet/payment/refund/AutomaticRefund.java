package org.guichet.payment.refund;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "invoice_id")
    public String invoiceId;
    public long amount;
    public String reason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "done_at")
    public Instant doneAt;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
}
