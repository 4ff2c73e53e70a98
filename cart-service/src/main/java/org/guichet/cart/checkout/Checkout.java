package org.guichet.cart.checkout;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "checkout")
public class Checkout extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    public String owner;
    @Enumerated(EnumType.STRING)
    public CheckoutStatus status;
    public Instant createdAt;
    @Version
    public int version;
}
