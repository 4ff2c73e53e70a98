package org.guichet.payment.sandbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "merchant_reference")
    public String merchantReference;
    public long amount;
    public String currency;
    public String description;
    @Column(name = "return_url")
    public String returnUrl;
    @Column(name = "notify_url")
    public String notifyUrl;
    /** open, paid, refused, cancelled, expired */
    public String status;
    public long refunded;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
