package org.guichet.billing.payment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.billing.invoice.Invoice;
import org.guichet.billing.invoice.InvoiceHistoryEntry;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.PaymentFailed;
import org.guichet.events.payload.PaymentLine;
import org.guichet.platform.Ids;
import org.guichet.platform.consumer.IdempotentConsumer;
import org.guichet.platform.db.SessionSql;

import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;

/**
 * R8 "pending": a bill being paid at the gateway is marked with its payment (history PENDING) and
 * cannot be cancelled meanwhile; a payment that ends without money releases it and stays in the
 * history (R14: declined and unfinished payments are listed). Checkouts and payment outcomes come
 * on different topics: a checkout seen after its payment already ended marks nothing.
 */
@ApplicationScoped
public class PendingPayments {
    static final String CONSUMER = "billing.checkouts";
    static final String ENDED = "select count(*) from invoice_history where invoice_id = $1 and payment_id = $2 "
            + "and action in ('PAYMENT', 'PAYMENT_ABANDONED')";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    InstitutionsConfig institutions;
    @Inject
    Clock clock;

    @Incoming("checkouts")
    public Uni<Void> onCheckout(String record) {
        return consumer.apply(CONSUMER, record, EventType.CART_CHECKED_OUT, this::checkedOut);
    }

    Uni<Void> checkedOut(EventEnvelope envelope) {
        CartCheckedOut checkout = envelope.payloadAs(CartCheckedOut.class);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CartCheckedOut.PaymentRequest payment : checkout.payments()) {
            chain = chain.call(() -> eachBill(payment.lines(), (invoice, line) -> count(ENDED, invoice, payment.paymentId())
                    .flatMap(ended -> {
                        if (ended > 0 || invoice.state.isClosed()) {
                            return Uni.createFrom().voidItem();
                        }
                        invoice.pendingPaymentId = payment.paymentId();
                        return entry(invoice, InvoiceHistoryEntry.PENDING, line.amount(), payment.paymentId(),
                                checkout.payer().subject(), null);
                    })));
        }
        return chain;
    }

    /** In the payments consumer's transaction. */
    Uni<Void> failed(EventEnvelope envelope) {
        PaymentFailed failed = envelope.payloadAs(PaymentFailed.class);
        return eachBill(failed.lines(), (invoice, line) -> {
            if (failed.paymentId().equals(invoice.pendingPaymentId)) {
                invoice.pendingPaymentId = null;
            }
            return entry(invoice, InvoiceHistoryEntry.PAYMENT_ABANDONED, line.amount(), failed.paymentId(),
                    failed.payer().subject(), failed.outcome() + (failed.reason() == null ? "" : ": " + failed.reason()));
        });
    }

    private Uni<Void> eachBill(List<PaymentLine> lines, BiFunction<Invoice, PaymentLine, Uni<Void>> action) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PaymentLine line : lines) {
            if (!PaymentLine.INVOICE.equals(line.kind()) || !institutions.institutions().containsKey(line.tenant())) {
                continue;
            }
            chain = chain.call(() -> Invoice.<Invoice>findById(Ids.parseOrNotFound(line.refId(), "Invoice"),
                    LockModeType.PESSIMISTIC_WRITE).flatMap(invoice -> invoice == null || !invoice.tenant.equals(line.tenant())
                    ? Uni.createFrom().voidItem() : action.apply(invoice, line)));
        }
        return chain;
    }

    private Uni<Void> entry(Invoice invoice, String action, long amount, String paymentId, String operator, String notes) {
        InvoiceHistoryEntry e = InvoiceHistoryEntry.of(invoice, action, amount, operator, clock.instant());
        e.paymentId = paymentId;
        e.reference = paymentId;
        e.notes = notes;
        return e.persist().replaceWithVoid();
    }

    private static Uni<Long> count(String sql, Invoice invoice, String paymentId) {
        return SessionSql.value(sql, Long.class, invoice.id, paymentId);
    }
}
