package org.guichet.cart.payable;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.events.payload.InvoiceCreated;
import org.guichet.events.payload.PaymentLine;
import org.guichet.platform.Ids;
import org.guichet.platform.consumer.IdempotentConsumer;

import java.time.Clock;

/** Each new invoice becomes an item its account holder can pay from the e-counter. */
@ApplicationScoped
public class InvoiceCreatedConsumer {
    @Inject
    IdempotentConsumer consumer;
    @Inject
    Clock clock;

    @Incoming("invoices")
    public Uni<Void> onInvoiceEvent(String record) {
        return consumer.apply("cart.invoice-created", record, EventType.INVOICE_CREATED, this::offer);
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
        return item.persist().replaceWithVoid();
    }
}
