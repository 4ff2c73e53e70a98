package org.guichet.payment.refund;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.events.payload.RefundFailed;
import org.guichet.events.payload.RequestRefused;
import org.guichet.platform.consumer.IdempotentConsumer;
import org.guichet.platform.error.ProblemException;
import org.guichet.platform.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * R22: an agent refused a paid request — what the citizen paid for it goes back without anyone
 * asking again: through the gateway where it can, else by transfer to the IBAN the citizen gives.
 * The request id is the refund's key, so a redelivered refusal refunds once.
 */
@ApplicationScoped
public class RequestRefunds {
    private static final Logger LOG = Logger.getLogger(RequestRefunds.class);

    @Inject
    IdempotentConsumer consumer;
    @Inject
    Refunds refunds;
    @Inject
    Outbox outbox;

    @Incoming("requests")
    public Uni<Void> onRequestEvent(String record) {
        return consumer.apply("payment.request-refused", record, EventType.REQUEST_REFUSED, this::refund);
    }

    Uni<Void> refund(EventEnvelope envelope) {
        RequestRefused refused = envelope.payloadAs(RequestRefused.class);
        if (refused.paymentId() == null || refused.amount() == 0) {
            return Uni.createFrom().voidItem(); // a free request: nothing was paid
        }
        return refunds.execute(new RefundOrder(refused.requestId(), refused.requestId(), refused.paymentId(),
                        refused.amount(), "request refused: " + refused.reason()))
                .onFailure(ProblemException.class).recoverWithUni(t -> {
                    // on record for finance and reporting: the citizen was promised this money
                    LOG.errorf("refund of refused request %s (payment %s) cannot be made: %s", refused.requestId(),
                            refused.paymentId(), t.getMessage());
                    ProblemException p = (ProblemException) t;
                    return outbox.publish(EventType.REFUND_FAILED, envelope.tenant(), refused.paymentId(),
                            envelope.correlationId(), new RefundFailed(refused.requestId(), refused.paymentId(),
                                    refused.requestId(), refused.amount(), refused.currency(), null,
                                    p.slug() + ": " + p.getMessage())).replaceWithVoid();
                });
    }
}
