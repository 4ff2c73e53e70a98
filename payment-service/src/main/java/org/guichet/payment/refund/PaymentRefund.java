package org.guichet.payment.refund;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "billing_refund_id")
    public String billingRefundId;
    public long amount;
    @Column(name = "gateway_ref")
    public String gatewayRef;
    public String reason;
    public String lines;
    @Column(name = "created_at")
    public Instant createdAt;
}
