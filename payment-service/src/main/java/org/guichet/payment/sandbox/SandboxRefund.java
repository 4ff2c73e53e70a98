package org.guichet.payment.sandbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A refund the sandbox gateway made (it stands for a remote gateway's own records). */
@Entity
@Table(name = "sandbox_refund")
public class SandboxRefund extends PanacheEntityBase {
    @Id
    public String id;
    public String paymentId;
    public String reference;
    public long amount;
    public Instant createdAt;
}
