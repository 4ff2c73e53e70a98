package org.guichet.payment.refund;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Money of a payment given back: through its gateway, or paid out at the counter. */
@Entity
@Table(name = "payment_refund")
public class PaymentRefund extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID paymentId;
    public String billingRefundId;
    public long amount;
    public String gatewayRef;
    public String reason;
    public String lines;
    public Instant createdAt;
}
