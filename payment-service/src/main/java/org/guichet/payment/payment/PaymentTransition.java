package org.guichet.payment.payment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.guichet.platform.Ids;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One recorded state change of a payment and what caused it. */
@Entity
@Table(name = "payment_transition")
public class PaymentTransition extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID paymentId;
    public String fromState;
    public String toState;
    public String cause;
    public String detail;
    public Instant occurredAt;

    static PaymentTransition of(Payment p, PaymentState from, PaymentState to, String cause, String detail, Instant at) {
        PaymentTransition t = new PaymentTransition();
        t.id = Ids.newId();
        t.paymentId = p.id;
        t.fromState = from.name();
        t.toState = to.name();
        t.cause = cause;
        t.detail = detail;
        t.occurredAt = at;
        return t;
    }

    public static Uni<List<PaymentTransition>> ofPayment(UUID paymentId) {
        return list("paymentId = ?1 order by occurredAt, id", paymentId);
    }
}
