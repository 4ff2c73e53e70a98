package org.guichet.billing.payment;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.guichet.billing.invoice.Invoice;
import org.guichet.billing.invoice.InvoiceHistoryEntry;
import org.guichet.billing.invoice.InvoiceState;
import org.guichet.events.EventType;
import org.guichet.events.payload.InvoicePaid;
import org.guichet.platform.money.Allocator;
import org.guichet.platform.outbox.Outbox;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Applying money to bills, wherever it comes from (gateway, counter, credit): each bill paid gets a
 * PAYMENT history entry and an InvoicePaid event, in the caller's transaction.
 */
@ApplicationScoped
public class BillPayments {
    static final List<InvoiceState> OPEN = List.of(InvoiceState.OPEN, InvoiceState.PARTIALLY_PAID);

    /**
     * Who pays, how, and under which reference: {@code operator} did it (the agent at the counter, else the
     * payer), {@code payer} is whose money it is where that is someone else.
     */
    public record Source(String mode, String reference, String operator, String paymentId, String correlationId,
                         String payer, String operatorName) {
        public Source(String mode, String reference, String operator, String paymentId, String correlationId) {
            this(mode, reference, operator, paymentId, correlationId, null, null);
        }
    }

    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /** The account's unpaid bills, oldest first, locked for the rest of the transaction. */
    public Uni<List<Invoice>> openBills(String tenant, String accountId, Collection<UUID> onlyThese) {
        return openBills(tenant, List.of(accountId), onlyThese);
    }

    /** The open bills of several accounts (a principal and its proxies, R9), oldest first, locked. */
    public Uni<List<Invoice>> openBills(String tenant, List<String> accountIds, Collection<UUID> onlyThese) {
        // all open bills are locked, then narrowed in memory: an account has few open bills
        return Invoice.<Invoice>find("tenant = ?1 and accountId in ?2 and state in ?3 order by createdAt, number",
                        tenant, accountIds, OPEN).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .map(open -> onlyThese == null || onlyThese.isEmpty() ? open
                        : open.stream().filter(i -> onlyThese.contains(i.id)).toList());
    }

    /** R3: oldest bill first, each paid in full where possible; returns what was left over. */
    public Uni<Long> oldestFirst(List<Invoice> bills, long amount, Source source) {
        Allocator.Allocation allocation = Allocator.inOrder(amount, bills.stream().map(Invoice::outstanding).toList());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < bills.size(); i++) {
            long share = allocation.shares().get(i);
            Invoice bill = bills.get(i);
            if (share > 0) {
                chain = chain.call(() -> pay(bill, share, source));
            }
        }
        return chain.replaceWith(allocation.remainder());
    }

    /** Pays up to {@code amount} of one (locked, open) bill; returns what it took. */
    public Uni<Long> pay(Invoice bill, long amount, Source source) {
        long taken = bill.applyPayment(amount);
        InvoiceHistoryEntry entry = InvoiceHistoryEntry.of(bill, InvoiceHistoryEntry.PAYMENT, taken, source.operator(),
                clock.instant());
        entry.paymentMode = source.mode();
        entry.reference = source.reference();
        entry.paymentId = source.paymentId();
        entry.payer = source.payer();
        entry.operatorName = source.operatorName();
        InvoicePaid paid = new InvoicePaid(bill.id.toString(), bill.accountId, source.paymentId(), taken,
                bill.outstanding(), bill.currency, bill.outstanding() == 0);
        return entry.persist()
                .call(() -> outbox.publish(EventType.INVOICE_PAID, bill.tenant, bill.id.toString(),
                        source.correlationId(), paid))
                .replaceWith(taken);
    }
}
