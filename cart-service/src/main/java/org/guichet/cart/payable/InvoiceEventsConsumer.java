package org.guichet.cart.payable;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.events.payload.InvoiceCreated;
import org.guichet.events.payload.InvoicePaid;
import org.guichet.events.payload.InvoiceWaived;
import org.guichet.events.payload.PaymentLine;
import org.guichet.platform.Ids;
import org.guichet.platform.consumer.IdempotentConsumer;

import java.time.Clock;

/**
 * Keeps the payable items in step with billing: a new invoice becomes payable by its account
 * holder; a cancelled one is withdrawn; a waived or paid one (at the counter, from credit, by another
 * payment) is payable for what is still owed, and withdrawn once nothing is.
 */
@ApplicationScoped
public class InvoiceEventsConsumer {
    @Inject
    IdempotentConsumer consumer;
    @Inject
    Clock clock;

    @Incoming("invoices")
    public Uni<Void> onInvoiceEvent(String record) {
        return consumer.apply("cart.invoice-events", record, envelope -> {
            if (envelope.is(EventType.INVOICE_CREATED)) {
                return offer(envelope);
            }
            if (envelope.is(EventType.INVOICE_CANCELLED)) {
                return owedNow(envelope, 0, null);
            }
            if (envelope.is(EventType.INVOICE_WAIVED)) {
                return owedNow(envelope, envelope.payloadAs(InvoiceWaived.class).outstanding(), null);
            }
            if (envelope.is(EventType.INVOICE_PAID)) {
                InvoicePaid paid = envelope.payloadAs(InvoicePaid.class);
                return owedNow(envelope, paid.outstanding(), paid.paymentId());
            }
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> offer(EventEnvelope envelope) {
        InvoiceCreated invoice = envelope.payloadAs(InvoiceCreated.class);
        PayableItem item = new PayableItem();
        item.id = Ids.newId();
        item.tenant = envelope.tenant();
        item.owner = invoice.accountId();
        item.kind = PaymentLine.INVOICE;
        item.refId = invoice.invoiceId();
        item.regie = invoice.regie();
        item.description = invoice.number() + (invoice.description() == null ? "" : " — " + invoice.description());
        item.amount = invoice.amount();
        item.currency = invoice.currency();
        item.status = PayableStatus.AVAILABLE;
        item.createdAt = clock.instant();
        item.appliedPayments = new String[0];
        return item.persist().replaceWithVoid();
    }

    /**
     * The invoice now owes {@code outstanding}: withdrawn at zero, else re-priced. An item being paid keeps
     * its payment's amount, which is the payment's own; it is re-priced (or withdrawn) for when a failed
     * payment releases it, so it is never offered again for money that is no longer owed. The payment billing
     * applied ({@code paymentId}, where one was) is recorded with the price it left.
     */
    private Uni<Void> owedNow(EventEnvelope envelope, long outstanding, String paymentId) {
        return PayableItem.<PayableItem>find("kind = ?1 and refId = ?2", PaymentLine.INVOICE, envelope.subjectId())
                .firstResult().invoke(item -> {
                    if (item == null || (item.status != PayableStatus.AVAILABLE
                            && item.status != PayableStatus.PENDING_PAYMENT)) {
                        return;
                    }
                    item.applied(paymentId);
                    if (outstanding == 0) {
                        item.moveTo(PayableStatus.WITHDRAWN);
                    } else {
                        item.amount = outstanding;
                    }
                }).replaceWithVoid();
    }
}
