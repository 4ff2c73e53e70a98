package org.guichet.billing.invoice;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.billing.account.AccountStanding;
import org.guichet.billing.account.Family;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.billing.override.Actor;
import org.guichet.billing.override.GuardedAction;
import org.guichet.billing.override.OverrideTarget;
import org.guichet.billing.override.Overrides;
import org.guichet.events.EventType;
import org.guichet.events.payload.InvoiceCancelled;
import org.guichet.events.payload.InvoiceCreated;
import org.guichet.events.payload.InvoiceWaived;
import org.guichet.platform.Ids;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;
import org.guichet.platform.outbox.Outbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Creating and reading invoices; each change and its event commit together. */
@ApplicationScoped
public class InvoiceService {
    @Inject
    InstitutionsConfig institutions;
    @Inject
    InvoiceNumbers numbers;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    Overrides overrides;
    @Inject
    AccountStanding standing;
    @Inject
    org.guichet.billing.payment.BillPayments bills;

    /** A bill about to be created: from a staff request (R1) or from a fine policy (R13). */
    public record BillDraft(String tenant, String operator, String accountId, long amount, String currency,
                            String reason, String description, BillItem item, String notes,
                            UUID loanId, String grantedBy) {
    }

    /** The item a bill is for, as a circulation desk shows it; any part may be unknown. */
    public record BillItem(String barcode, String title, String callNumber, String branch) {
        static final BillItem NONE = new BillItem(null, null, null, null);
    }

    /** A manual bill (R1): a configured reason; a restricted agent needs an override (R11); may block the account (R6). */
    @WithTransaction
    public Uni<Invoice> create(Actor actor, CreateInvoiceRequest request) {
        CreateInvoiceRequest.Item item = request.item();
        InstitutionsConfig.Institution institution = institutions.of(actor.tenant());
        if (!institution.billingReasons().contains(request.reason())) {
            throw Problems.invalid("Unknown billing reason " + request.reason(),
                    new FieldError("reason", "must be one of " + institution.billingReasons()));
        }
        return overrides.authorize(actor, GuardedAction.CREATE, OverrideTarget.account(request.accountId(), List.of(),
                        request.amount()))
                .flatMap(grantedBy -> create(new BillDraft(actor.tenant(), actor.subject(), request.accountId(),
                        request.amount(), request.currency(), request.reason(), request.description(),
                        item == null ? BillItem.NONE : new BillItem(item.barcode(), item.title(), item.callNumber(),
                                item.branch()), request.notes(), null, grantedBy)))
                .call(invoice -> standing.reassess(invoice.tenant, invoice.accountId));
    }

    /** Creates the bill, its history entry and InvoiceCreated in the caller's (or a new) transaction. */
    @WithTransaction
    public Uni<Invoice> create(BillDraft draft) {
        InstitutionsConfig.Institution institution = institutions.of(draft.tenant());
        if (!institution.currency().equals(draft.currency())) {
            throw Problems.invalid("Bills of " + draft.tenant() + " are in " + institution.currency(),
                    new FieldError("currency", "must be " + institution.currency()));
        }
        LocalDate today = LocalDate.now(clock.withZone(institution.timeZone()));
        return org.guichet.billing.account.Account.requireOpen(draft.tenant(), draft.accountId())
                .flatMap(open -> numbers.next(draft.tenant(), today.getYear())).flatMap(number -> {
            Invoice invoice = new Invoice();
            invoice.id = Ids.newId();
            invoice.tenant = draft.tenant();
            invoice.number = number;
            invoice.accountId = draft.accountId();
            invoice.regie = institution.regie();
            invoice.reason = draft.reason();
            invoice.description = draft.description();
            BillItem item = draft.item() == null ? BillItem.NONE : draft.item();
            invoice.itemBarcode = item.barcode();
            invoice.itemTitle = item.title();
            invoice.callNumber = item.callNumber();
            invoice.itemBranch = item.branch();
            invoice.amount = draft.amount();
            invoice.currency = draft.currency();
            invoice.state = InvoiceState.OPEN;
            invoice.issuedOn = today;
            invoice.createdAt = clock.instant();
            invoice.createdBy = draft.operator();
            invoice.loanId = draft.loanId();
            InvoiceHistoryEntry created = InvoiceHistoryEntry.of(invoice, InvoiceHistoryEntry.CREATED,
                    invoice.amount, draft.operator(), invoice.createdAt);
            created.notes = draft.notes();
            created.grantedBy = draft.grantedBy();
            InvoiceCreated event = new InvoiceCreated(invoice.id.toString(), number, invoice.accountId,
                    invoice.regie, invoice.amount, invoice.currency, invoice.reason, invoice.description,
                    today, draft.operator());
            return invoice.persist()
                    .call(() -> created.persist())
                    .call(() -> outbox.publish(EventType.INVOICE_CREATED, draft.tenant(), invoice.id.toString(), null, event))
                    .replaceWith(invoice);
        });
    }

    /** Cancels a bill of the caller's institution (R5, R10: an institution cancels only its own bills). */
    @WithTransaction
    public Uni<Invoice> cancel(UUID id, Actor actor, CancelRequest request) {
        String tenant = actor.tenant();
        String operator = actor.subject();
        boolean noNote = request == null || request.notes() == null || request.notes().isBlank();
        if (noNote && (request == null || !Boolean.TRUE.equals(request.acknowledgeMissingNote()))) {
            throw Problems.unprocessable("note-expected", "A note is expected when a bill is cancelled; "
                    + "send acknowledgeMissingNote: true to cancel without one");
        }
        return lockedInTenant(id, tenant).flatMap(invoice -> overrides.authorize(actor, GuardedAction.CANCEL,
                        OverrideTarget.bill(invoice, invoice.amount))
                .flatMap(grantedBy -> {
            invoice.cancel();
            InvoiceHistoryEntry entry = InvoiceHistoryEntry.of(invoice, InvoiceHistoryEntry.CANCEL, invoice.amount,
                    operator, clock.instant());
            entry.notes = noNote ? null : request.notes();
            entry.grantedBy = grantedBy;
            return entry.persist()
                    .call(() -> outbox.publish(EventType.INVOICE_CANCELLED, tenant, invoice.id.toString(), null,
                            new InvoiceCancelled(invoice.id.toString(), invoice.accountId, invoice.amount,
                                    invoice.currency, operator, entry.notes)))
                    .call(() -> standing.reassess(tenant, invoice.accountId))
                    .replaceWith(invoice);
        }));
    }

    /** Waives all or part of what a bill of the caller's institution still owes (R3). */
    @WithTransaction
    public Uni<Invoice> waive(UUID id, Actor actor, WaiveRequest request) {
        String tenant = actor.tenant();
        return lockedInTenant(id, tenant).flatMap(invoice -> {
            long amount = request != null && request.amount() != null ? request.amount() : invoice.outstanding();
            return overrides.authorize(actor, GuardedAction.WAIVE, OverrideTarget.bill(invoice, amount))
                    .flatMap(grantedBy -> waiveOne(invoice, amount, actor.subject(), grantedBy,
                            request == null ? null : request.notes()))
                    .call(() -> standing.reassess(tenant, invoice.accountId));
        });
    }

    /**
     * R3: waives all or the selected open bills of an account — fully, or part of them: a partial
     * amount goes to the oldest bill first, each waived in full where possible. One override covers
     * the whole action (R11).
     */
    @WithTransaction
    public Uni<List<Invoice>> waiveMany(Actor actor, String accountId, List<UUID> selected, Long amount, String notes) {
        String tenant = actor.tenant();
        overrides.requireOverride(actor, GuardedAction.WAIVE);
        return bills.openBills(tenant, accountId, selected).flatMap(open -> {
                    if (open.isEmpty() || (!selected.isEmpty() && open.size() != selected.size())) {
                        throw Problems.notFound("One of the selected invoices (open, of this account)");
                    }
                    long owed = open.stream().mapToLong(Invoice::outstanding).reduce(0L, Math::addExact);
                    long total = amount == null ? owed : amount;
                    if (total <= 0 || total > owed) {
                        throw Problems.invalid("The amount to waive must be positive and at most " + owed,
                                new FieldError("amount", "must be between 1 and " + owed));
                    }
                    var shares = org.guichet.platform.money.Allocator.inOrder(total,
                            open.stream().map(Invoice::outstanding).toList()).shares();
                    List<String> touched = new java.util.ArrayList<>();
                    for (int i = 0; i < open.size(); i++) {
                        if (shares.get(i) > 0) {
                            touched.add(open.get(i).id.toString());
                        }
                    }
                    return overrides.authorize(actor, GuardedAction.WAIVE, OverrideTarget.account(accountId, touched, total))
                            .flatMap(grantedBy -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (int i = 0; i < open.size(); i++) {
                            Invoice bill = open.get(i);
                            long share = shares.get(i);
                            if (share > 0) {
                                chain = chain.call(() -> waiveOne(bill, share, actor.subject(), grantedBy, notes));
                            }
                        }
                        return chain.call(() -> standing.reassess(tenant, accountId))
                                .replaceWith(() -> open.stream().filter(i -> i.waived > 0).toList());
                    });
                });
    }

    private Uni<Invoice> waiveOne(Invoice invoice, long amount, String operator, String grantedBy, String notes) {
        invoice.waive(amount);
        InvoiceHistoryEntry entry = InvoiceHistoryEntry.of(invoice, InvoiceHistoryEntry.WAIVE, amount, operator,
                clock.instant());
        entry.notes = notes;
        entry.grantedBy = grantedBy;
        return entry.persist()
                .call(() -> outbox.publish(EventType.INVOICE_WAIVED, invoice.tenant, invoice.id.toString(), null,
                        new InvoiceWaived(invoice.id.toString(), invoice.accountId, amount, invoice.outstanding(),
                                invoice.currency, operator, notes)))
                .replaceWith(invoice);
    }

    /** A note on a bill (R8): kept in its history with who wrote it. */
    @WithTransaction
    public Uni<InvoiceHistoryEntry> note(UUID id, String tenant, String operator, String text) {
        return lockedInTenant(id, tenant).flatMap(invoice -> {
            InvoiceHistoryEntry entry = InvoiceHistoryEntry.of(invoice, InvoiceHistoryEntry.NOTE, 0, operator,
                    clock.instant());
            entry.notes = text;
            return entry.persist();
        });
    }

    public static Uni<Invoice> lockedInTenant(UUID id, String tenant) {
        return Invoice.<Invoice>find("id = ?1 and tenant = ?2", id, tenant)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult()
                .map(invoice -> {
                    if (invoice == null) {
                        throw Problems.notFound("Invoice " + id);
                    }
                    return invoice;
                });
    }

    /**
     * A citizen sees their own invoices and those of their principal or proxies (R9); staff see their
     * institution's. Anything else is 404.
     */
    @WithSession
    public Uni<Invoice> visibleTo(UUID id, String tenant, String subject, boolean staff) {
        return Invoice.findInTenant(id, tenant).flatMap(invoice -> {
            if (invoice == null) {
                throw Problems.notFound("Invoice " + id);
            }
            if (staff || invoice.accountId.equals(subject)) {
                return Uni.createFrom().item(invoice);
            }
            return Family.of(tenant, subject).map(family -> {
                if (!family.members().contains(invoice.accountId)) {
                    throw Problems.notFound("Invoice " + id);
                }
                return invoice;
            });
        });
    }

    /** The bills of an account and of the accounts linked to it as principal or proxies (R9). */
    @WithSession
    public Uni<List<Invoice>> ofAccount(String tenant, String accountId) {
        return Family.of(tenant, accountId).flatMap(family -> Invoice.<Invoice>list(
                "tenant = ?1 and accountId in ?2 order by createdAt", tenant, family.members()));
    }

    @WithSession
    public Uni<List<InvoiceHistoryEntry>> history(UUID invoiceId) {
        return InvoiceHistoryEntry.ofInvoice(invoiceId);
    }
}
