package org.guichet.cart.checkout;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.cart.payable.PayableStatus;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.platform.Ids;
import org.guichet.platform.consumer.IdempotentConsumer;

import java.util.List;
import java.util.UUID;

/**
 * Settled payments mark their items paid; failed, cancelled or expired ones release the items so
 * the citizen can pay them again. The checkout's status follows.
 */
@ApplicationScoped
public class PaymentOutcomeConsumer {
    @Inject
    IdempotentConsumer consumer;
    @Inject
    org.guichet.cart.procedure.ProcedureRequests requests;

    /** Records come in batches: one transaction per poll (IdempotentConsumer#applyBatch). */
    @Incoming("payments")
    public Uni<Void> onPaymentEvents(List<String> records) {
        return consumer.applyBatch("cart.payment-outcome", records, envelope -> {
            if (envelope.is(EventType.PAYMENT_SETTLED)) {
                return settle(envelope, PaymentStatus.SETTLED, PayableStatus.PAID)
                        .call(() -> requests.paid(Ids.parseOrNotFound(envelope.subjectId(), "Payment")));
            }
            if (envelope.isPaymentWithoutMoney()) {
                return settle(envelope, PaymentStatus.FAILED, PayableStatus.AVAILABLE);
            }
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> settle(EventEnvelope envelope, PaymentStatus paymentStatus, PayableStatus itemStatus) {
        UUID paymentId = Ids.parseOrNotFound(envelope.subjectId(), "Payment");
        return CheckoutPayment.<CheckoutPayment>findById(paymentId).flatMap(payment -> {
            if (payment == null || !payment.moveTo(paymentStatus)) {
                return Uni.createFrom().voidItem(); // not a cart payment (counter, deposit) or nothing new
            }
            // released: only what the payment still held (an item withdrawn meanwhile owes nothing any more)
            String which = itemStatus == PayableStatus.PAID ? "status <> 'PAID'" : "status = 'PENDING_PAYMENT'";
            return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                    "update payable_item set status = ?1 where id in "
                                            + "(select payable_id from checkout_payment_item where payment_id = ?2) and "
                                            + which)
                            .setParameter(1, itemStatus.name()).setParameter(2, paymentId).executeUpdate())
                    .call(Panache::flush)
                    .flatMap(n -> CheckoutPayment.ofCheckout(payment.checkoutId))
                    .flatMap(all -> Checkout.<Checkout>findById(payment.checkoutId).invoke(c ->
                            c.status = CheckoutStatus.of(all.stream().map(p -> p.status).toList())))
                    .replaceWithVoid();
        });
    }
}
