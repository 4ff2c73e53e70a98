package org.guichet.billing.refund;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.guichet.billing.credit.CreditLedger;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.billing.invoice.Invoice;
import org.guichet.billing.invoice.InvoiceHistoryEntry;
import org.guichet.billing.invoice.InvoiceService;
import org.guichet.billing.override.Actor;
import org.guichet.billing.override.GuardedAction;
import org.guichet.billing.override.OverrideTarget;
import org.guichet.billing.override.Overrides;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventType;
import org.guichet.events.payload.CreditDeposited;
import org.guichet.events.payload.PaymentLine;
import org.guichet.events.payload.RefundFailed;
import org.guichet.events.payload.RefundIssued;
import org.guichet.events.payload.RefundRequested;
import org.guichet.platform.Ids;
import org.guichet.platform.error.Problems;
import org.guichet.platform.outbox.Outbox;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * R7 refunds of paid bills. As credit: done here at once (no money moves). To the original payment:
 * the amount is reserved on the bill, payment-service is asked (RefundRequested) and the refund is
 * recorded as issued when its RefundIssued comes back. With the SmartPay rule on, a replacement fee
 * that was paid is never refunded.
 */
@ApplicationScoped
public class RefundService {
    private static final Logger LOG = Logger.getLogger(RefundService.class);
    public static final String REPLACEMENT_REASON = "LOST_ITEM";
    static final String LAST_PAYMENT = "select payment_id from invoice_history where invoice_id = ?1 and action = 'PAYMENT' "
            + "and payment_id is not null and payment_mode <> 'CREDIT' order by occurred_at desc limit 1";

    @Inject
    InstitutionsConfig institutions;
    @Inject
    Overrides overrides;
    @Inject
    CreditLedger ledger;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    @WithTransaction
    public Uni<Refund> refund(UUID invoiceId, Actor actor, RefundRequest request) {
        InstitutionsConfig.Institution institution = institutions.of(actor.tenant());
        return InvoiceService.lockedInTenant(invoiceId, actor.tenant())
                .flatMap(invoice -> overrides.authorize(actor, GuardedAction.REFUND, OverrideTarget.bill(invoice,
                        request.amount() != null ? request.amount() : invoice.refundable())).flatMap(grantedBy -> {
                    if (institution.noRefundAfterReplacementPaid() && REPLACEMENT_REASON.equals(invoice.reason)) {
                        throw Problems.unprocessable("no-refund-after-replacement-paid", "Invoice " + invoice.number
                                + " is a replacement fee that was paid: this institution refunds none of it");
                    }
                    long amount = request.amount() != null ? request.amount() : invoice.refundable();
                    invoice.refund(amount);
                    Refund refund = new Refund();
                    refund.id = Ids.newId();
                    refund.tenant = invoice.tenant;
                    refund.invoiceId = invoice.id;
                    refund.accountId = invoice.accountId;
                    refund.amount = amount;
                    refund.currency = invoice.currency;
                    refund.reason = request.reason();
                    refund.operator = actor.subject();
                    refund.grantedBy = grantedBy;
                    refund.requestedAt = clock.instant();
                    return request.destination() == RefundRequest.Destination.CREDIT
                            ? toCredit(invoice, refund) : toOriginal(invoice, refund);
                }));
    }

    private Uni<Refund> toCredit(Invoice invoice, Refund refund) {
        refund.destination = Refund.TO_CREDIT;
        refund.state = RefundState.ISSUED;
        refund.settledAt = refund.requestedAt;
        return refund.persist()
                .call(() -> history(invoice, refund, InvoiceHistoryEntry.REFUND, "CREDIT", refund.id.toString()))
                .call(() -> ledger.deposit(invoice.tenant, invoice.accountId, invoice.currency, refund.amount,
                        CreditDeposited.REFUND, refund.id.toString(), refund.operator, null))
                .replaceWith(refund);
    }

    private Uni<Refund> toOriginal(Invoice invoice, Refund refund) {
        refund.destination = Refund.TO_ORIGINAL;
        refund.state = RefundState.REQUESTED;
        return Panache.getSession().flatMap(s -> s.createNativeQuery(LAST_PAYMENT, String.class)
                        .setParameter(1, invoice.id).getResultList())
                .flatMap(payments -> {
                    if (payments.isEmpty()) {
                        throw Problems.unprocessable("no-original-payment", "Invoice " + invoice.number
                                + " was not paid through payment-service (credit or nothing): refund it as credit");
                    }
                    refund.paymentId = payments.get(0);
                    return refund.persist()
                            .call(() -> history(invoice, refund, InvoiceHistoryEntry.REFUND_REQUESTED, null,
                                    refund.paymentId))
                            .call(() -> outbox.publish(EventType.REFUND_REQUESTED, invoice.tenant, invoice.id.toString(),
                                    null, new RefundRequested(refund.id.toString(), invoice.id.toString(),
                                            invoice.accountId, refund.paymentId, refund.amount, refund.currency,
                                            refund.reason, refund.operator)))
                            .replaceWith(refund);
                });
    }

    /** In the consumer's transaction: the money went back; a refund billing asked for is marked issued. */
    public Uni<Void> issued(EventEnvelope envelope) {
        RefundIssued issued = envelope.payloadAs(RefundIssued.class);
        if (issued.refundId() != null) {
            return Refund.<Refund>findById(UUID.fromString(issued.refundId()), LockModeType.PESSIMISTIC_WRITE)
                    .flatMap(refund -> {
                        if (refund == null) {
                            return refundedElsewhere(issued);
                        }
                        if (!refund.moveTo(RefundState.ISSUED)) {
                            return Uni.createFrom().voidItem();
                        }
                        refund.settledAt = issued.refundedAt();
                        return Invoice.<Invoice>findById(refund.invoiceId).flatMap(invoice ->
                                history(invoice, refund, InvoiceHistoryEntry.REFUND, issued.mode() + "/" + issued.gateway(),
                                        issued.reference())).replaceWithVoid();
                    });
        }
        return refundedElsewhere(issued);
    }

    /** In the consumer's transaction: the refund could not be made; what it reserved on the bill is released. */
    public Uni<Void> failed(EventEnvelope envelope) {
        RefundFailed failed = envelope.payloadAs(RefundFailed.class);
        return Refund.<Refund>findById(Ids.parseOrNotFound(failed.refundId(), "Refund"), LockModeType.PESSIMISTIC_WRITE)
                .flatMap(refund -> {
                    if (refund == null || !refund.moveTo(RefundState.FAILED)) {
                        return Uni.createFrom().voidItem();
                    }
                    refund.settledAt = clock.instant();
                    return Invoice.<Invoice>findById(refund.invoiceId, LockModeType.PESSIMISTIC_WRITE).flatMap(invoice -> {
                        invoice.refunded -= refund.amount;
                        InvoiceHistoryEntry e = InvoiceHistoryEntry.of(invoice, InvoiceHistoryEntry.REFUND_FAILED,
                                refund.amount, "payment-service", clock.instant());
                        e.paymentId = refund.paymentId;
                        e.notes = failed.reason();
                        return e.persist().replaceWithVoid();
                    });
                });
    }

    /**
     * A refund payment-service made on its own (an agent at the counter, a refused request, a bill paid
     * twice): what the payment had put on credit as an overpayment comes back off the credit first; the
     * rest is refunded on the bill.
     */
    private Uni<Void> refundedElsewhere(RefundIssued issued) {
        List<PaymentLine> lines = issued.lines().stream().filter(l -> PaymentLine.INVOICE.equals(l.kind())
                && institutions.institutions().containsKey(l.tenant())).toList();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PaymentLine line : lines) {
            chain = chain.call(() -> Invoice.<Invoice>findById(Ids.parseOrNotFound(line.refId(), "Invoice"),
                    LockModeType.PESSIMISTIC_WRITE).flatMap(invoice -> {
                if (invoice == null || !invoice.tenant.equals(line.tenant())) {
                    LOG.errorf("refund of payment %s names unknown invoice %s", issued.paymentId(), line.refId());
                    return Uni.createFrom().voidItem();
                }
                return ledger.takeBackOverpayment(invoice.tenant, invoice.accountId, issued.currency(),
                                issued.reference(), line.amount(), "payment-service")
                        .flatMap(fromCredit -> {
                            long fromBill = Math.min(line.amount() - fromCredit, invoice.refundable());
                            Uni<Void> bill = Uni.createFrom().voidItem();
                            if (fromBill > 0) {
                                invoice.refund(fromBill);
                                bill = refundHistory(invoice, issued, fromBill, issued.reason());
                            }
                            return fromCredit == 0 ? bill : bill.call(() -> refundHistory(invoice, issued, fromCredit,
                                    "from the credit its overpayment made: " + issued.reason()));
                        });
            }));
        }
        return chain;
    }

    private Uni<Void> refundHistory(Invoice invoice, RefundIssued issued, long amount, String notes) {
        InvoiceHistoryEntry e = InvoiceHistoryEntry.of(invoice, InvoiceHistoryEntry.REFUND, amount, "payment-service",
                clock.instant());
        e.paymentMode = issued.mode() + "/" + issued.gateway();
        e.reference = issued.reference();
        e.paymentId = issued.paymentId();
        e.notes = notes;
        return e.persist().replaceWithVoid();
    }

    private Uni<InvoiceHistoryEntry> history(Invoice invoice, Refund refund, String action, String mode, String reference) {
        InvoiceHistoryEntry e = InvoiceHistoryEntry.of(invoice, action, refund.amount, refund.operator, clock.instant());
        e.paymentMode = mode;
        e.reference = reference;
        e.paymentId = refund.paymentId;
        e.notes = refund.reason;
        e.grantedBy = refund.grantedBy;
        return e.persist();
    }
}
