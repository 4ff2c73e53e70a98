package org.guichet.billing.payment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.events.EventType;
import org.guichet.platform.consumer.IdempotentConsumer;

/** Listens to payment-service: settled money is applied to the invoices it pays, once. */
@ApplicationScoped
public class PaymentSettledConsumer {
    static final String CONSUMER = "billing.payment-settled";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    PaymentApplication application;

    @Incoming("payments")
    public Uni<Void> onPaymentEvent(String record) {
        return consumer.apply(CONSUMER, record, EventType.PAYMENT_SETTLED, application::apply);
    }
}
