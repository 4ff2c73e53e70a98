package org.guichet.payment.checkout;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.payment.payment.Payment;
import org.guichet.payment.payment.PaymentReferences;
import org.guichet.payment.payment.PaymentState;
import org.guichet.payment.payment.PaymentStateMachine;
import org.guichet.payment.regie.PaymentConfig;
import org.guichet.platform.Ids;
import org.guichet.platform.consumer.IdempotentConsumer;

import java.time.Clock;
import java.util.Optional;

/**
 * A checkout asks for one payment per régie group: each becomes a payment order in CREATED,
 * waiting for the citizen to start it. A request this installation cannot take (unknown régie,
 * wrong currency, under the régie's minimum), or for bills being paid or just paid another way
 * ({@link org.guichet.payment.claim.PaymentClaims#claimCheckout}), fails at once, so the cart releases its items.
 */
@ApplicationScoped
public class CartCheckedOutConsumer {
    @Inject
    IdempotentConsumer consumer;
    @Inject
    PaymentConfig config;
    @Inject
    PaymentReferences references;
    @Inject
    PaymentStateMachine stateMachine;
    @Inject
    org.guichet.payment.claim.PaymentClaims claims;
    @Inject
    Clock clock;

    @Incoming("checkouts")
    public Uni<Void> onCheckoutEvent(String record) {
        return consumer.apply("payment.cart-checked-out", record, EventType.CART_CHECKED_OUT, this::createPayments);
    }

    private Uni<Void> createPayments(EventEnvelope envelope) {
        CartCheckedOut checkout = envelope.payloadAs(CartCheckedOut.class);
        return Multi.createFrom().iterable(checkout.payments())
                .onItem().transformToUniAndConcatenate(request -> create(envelope.tenant(), checkout, request))
                .collect().asList().replaceWithVoid();
    }

    private Uni<Void> create(String tenant, CartCheckedOut checkout, CartCheckedOut.PaymentRequest request) {
        Optional<PaymentConfig.Regie> regie = config.regie(request.regie());
        return references.next(request.regie()).flatMap(reference -> {
            Payment p = Payment.created(Ids.parseOrNotFound(request.paymentId(), "Payment"), tenant, checkout.payer(),
                    request.regie(), reference, request.amount(), request.currency(),
                    regie.map(PaymentConfig.Regie::gateway).orElse("none"),
                    org.guichet.payment.payment.PaymentEvents.MODE_ONLINE, request.lines(), clock.instant());
            p.checkoutId = checkout.checkoutId();
            p.returnUrl = checkout.returnUrl();
            String refusal = refusal(regie, tenant, request);
            Uni<Payment> saved = p.<Payment>persist().call(Panache::flush);
            if (refusal != null) {
                return saved.flatMap(x -> stateMachine.moveTo(p, PaymentState.FAILED, "checkout", refusal)).replaceWithVoid();
            }
            // one live attempt per bill: a second checkout of a bill being paid fails at once, and so does one
            // priced before billing applied another payment that settled the bill (at the counter)
            return saved.flatMap(x -> claims.claimCheckout(p, request.appliedPayments())).flatMap(held -> held == null
                    ? Uni.createFrom().voidItem()
                    : stateMachine.moveTo(p, PaymentState.FAILED, "checkout", held).replaceWithVoid());
        });
    }

    private static String refusal(Optional<PaymentConfig.Regie> regie, String tenant, CartCheckedOut.PaymentRequest request) {
        if (regie.isEmpty()) {
            return "régie " + request.regie() + " has no gateway account";
        }
        if (!regie.get().institutions().contains(tenant)) {
            return "régie " + request.regie() + " does not collect for " + tenant;
        }
        if (!regie.get().currency().equals(request.currency())) {
            return "régie " + request.regie() + " takes " + regie.get().currency() + ", not " + request.currency();
        }
        if (request.amount() < regie.get().minimumAmount()) {
            return "below the régie's minimum online amount";
        }
        return null;
    }
}
