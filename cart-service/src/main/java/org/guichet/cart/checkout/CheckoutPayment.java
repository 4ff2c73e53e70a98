package org.guichet.cart.checkout;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

/** One payment of a checkout: the items of one régie (R20). Its id is the payment-service payment id. */
@Entity
@Table(name = "checkout_payment")
public class CheckoutPayment extends PanacheEntityBase {
    @Id
    public UUID paymentId;
    public UUID checkoutId;
    public String regie;
    public long amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public PaymentStatus status;
    public int position;

    /** Returns false when the event changes nothing (already in that state). */
    public boolean moveTo(PaymentStatus next) {
        if (status == next) {
            return false;
        }
        PaymentStatus.TRANSITIONS.check(status, next, "Payment " + paymentId);
        status = next;
        return true;
    }

    public static Uni<List<CheckoutPayment>> ofCheckout(UUID checkoutId) {
        return list("checkoutId = ?1 order by position", checkoutId);
    }
}
