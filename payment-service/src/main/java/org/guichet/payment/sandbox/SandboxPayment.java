package org.guichet.payment.sandbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The sandbox gateway's record of a payment (it stands for the gateway's own database). */
@Entity
@Table(name = "sandbox_payment")
public class SandboxPayment extends PanacheEntityBase {
    @Id
    public String id;
    public String merchantReference;
    public long amount;
    public String currency;
    public String description;
    public String returnUrl;
    public String notifyUrl;
    /** open, paid, refused, cancelled, expired */
    public String status;
    public long refunded;
    public Instant createdAt;
    public Instant updatedAt;
}
