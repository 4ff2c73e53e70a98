package org.guichet.notification.contact;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who paid a payment: a refund of it, announced later without an address, is written to them. */
@Entity
@Table(name = "payment_contact")
public class PaymentContact extends PanacheEntityBase {
    @Id
    public String paymentId;
    public String tenant;
    public String name;
    public String email;
    public String language;
    /** The payer's account id (token subject). */
    public String person;
    public java.time.Instant createdAt;
}
