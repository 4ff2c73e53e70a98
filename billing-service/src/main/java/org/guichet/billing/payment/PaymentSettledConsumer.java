package org.guichet.billing.payment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.billing.refund.RefundService;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.platform.consumer.IdempotentConsumer;

import java.util.List;

/**
 * Listens to payment-service: settled money is applied to the invoices it pays, a failed payment
 * releases the bills it held, a refund is recorded — each event once.
 */
@ApplicationScoped
public class PaymentSettledConsumer {
    /** The consumer's name in processed_event: never rename it, or applied events would apply again. */
    static final String CONSUMER = "billing.payment-settled";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    PaymentApplication application;
    @Inject
    PendingPayments pending;
    @Inject
    RefundService refunds;

    /** Records come in batches (one transaction per poll, see IdempotentConsumer#applyBatch). */
    @Incoming("payments")
    public Uni<Void> onPaymentEvents(List<String> records) {
        return consumer.applyBatch(CONSUMER, records, this::dispatch);
    }

    private Uni<Void> dispatch(EventEnvelope envelope) {
        if (envelope.is(EventType.PAYMENT_SETTLED)) {
            return application.apply(envelope);
        }
        if (envelope.isPaymentWithoutMoney()) {
            return pending.failed(envelope);
        }
        if (envelope.is(EventType.REFUND_ISSUED)) {
            return refunds.issued(envelope);
        }
        if (envelope.is(EventType.REFUND_FAILED)) {
            return refunds.failed(envelope);
        }
        return Uni.createFrom().voidItem();
    }
}
