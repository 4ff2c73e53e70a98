package org.guichet.billing.payment;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.billing.invoice.Invoice;
import org.guichet.billing.invoice.InvoiceHistoryEntry;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.events.payload.InvoicePaid;
import org.guichet.events.payload.PaymentLine;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.platform.Ids;
import org.guichet.platform.outbox.Outbox;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Applies a settled payment to the invoices its lines name, inside the consumer's transaction.
 * Lines for other services (procedures) or other institutions are not billing's business.
 */
@ApplicationScoped
public class PaymentApplication {
    private static final Logger LOG = Logger.getLogger(PaymentApplication.class);

    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    public Uni<Void> apply(EventEnvelope envelope) {
        PaymentSettled settled = envelope.payloadAs(PaymentSettled.class);
        return Multi.createFrom().iterable(settled.lines())
                .filter(line -> PaymentLine.INVOICE.equals(line.kind()))
                .onItem().transformToUniAndConcatenate(line -> applyLine(envelope, settled, line))
                .collect().asList().replaceWithVoid();
    }

    private Uni<Void> applyLine(EventEnvelope envelope, PaymentSettled settled, PaymentLine line) {
        return Invoice.findInTenant(Ids.parseOrNotFound(line.refId(), "Invoice " + line.refId()), line.tenant())
                .flatMap(invoice -> {
                    if (invoice == null) {
                        LOG.warnf("payment %s names unknown invoice %s of %s", settled.paymentId(), line.refId(),
                                line.tenant());
                        return Uni.createFrom().voidItem();
                    }
                    if (!invoice.currency.equals(settled.currency())) {
                        LOG.errorf("payment %s is in %s but invoice %s is in %s: left for reconciliation",
                                settled.paymentId(), settled.currency(), invoice.number, invoice.currency);
                        return Uni.createFrom().voidItem();
                    }
                    long taken = invoice.applyPayment(line.amount());
                    if (taken < line.amount()) {
                        LOG.warnf("payment %s paid %d more than invoice %s owed: kept for credit", settled.paymentId(),
                                line.amount() - taken, invoice.number);
                    }
                    InvoiceHistoryEntry entry = InvoiceHistoryEntry.of(invoice, InvoiceHistoryEntry.PAYMENT, taken,
                            settled.payer().subject(), clock.instant());
                    entry.paymentMode = settled.mode() + "/" + settled.gateway();
                    entry.reference = settled.reference();
                    InvoicePaid paid = new InvoicePaid(invoice.id.toString(), invoice.accountId, settled.paymentId(),
                            taken, invoice.outstanding(), invoice.currency, invoice.outstanding() == 0);
                    return entry.persist()
                            .call(() -> outbox.publish(EventType.INVOICE_PAID, invoice.tenant, invoice.id.toString(),
                                    envelope.correlationId(), paid))
                            .replaceWithVoid();
                });
    }
}
