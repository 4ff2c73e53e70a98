package org.guichet.payment.payment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.events.EventType;
import org.guichet.events.payload.PaymentFailed;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.platform.outbox.Outbox;

/** Publishes a payment's outcome through the outbox, in the caller's transaction. */
@ApplicationScoped
public class PaymentEvents {
    public static final String MODE_ONLINE = "ONLINE";

    @Inject
    Outbox outbox;
    @Inject
    org.guichet.payment.receipt.Receipts receipts;

    /**
     * What a settled payment tells the others; also what its receipt prints. A counter payment's reference (the
     * card terminal's ticket, the transfer's reference) is its gateway reference there.
     */
    public PaymentSettled settledEvent(Payment p) {
        return new PaymentSettled(p.id.toString(), p.reference, p.checkoutId, p.regie, p.amount, p.currency, p.gateway,
                p.gatewayRef != null ? p.gatewayRef : p.counterReference, p.mode == null ? MODE_ONLINE : p.mode, p.payer(), p.lineList(), p.settledAt,
                p.receiptNumber, receipts.statementDescriptor(p.regie), p.operator, p.operatorName);
    }

    public Uni<Void> settled(Payment p) {
        PaymentSettled event = settledEvent(p);
        return outbox.publish(EventType.PAYMENT_SETTLED, p.tenant, p.id.toString(), p.checkoutId, event).replaceWithVoid();
    }

    /** PaymentFailed or PaymentExpired (same payload), as the payment's state table names it. */
    public Uni<Void> failed(Payment p, EventType type) {
        PaymentFailed event = new PaymentFailed(p.id.toString(), p.reference, p.checkoutId, p.regie, p.amount,
                p.currency, p.gateway, p.state.name(), p.failureReason, p.payer(), p.lineList());
        return outbox.publish(type, p.tenant, p.id.toString(), p.checkoutId, event).replaceWithVoid();
    }
}
