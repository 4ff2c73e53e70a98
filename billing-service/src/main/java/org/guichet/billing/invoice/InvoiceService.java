package org.guichet.billing.invoice;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.events.EventType;
import org.guichet.events.payload.InvoiceCreated;
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

    @WithTransaction
    public Uni<Invoice> create(String tenant, String operator, CreateInvoiceRequest request) {
        InstitutionsConfig.Institution institution = institutions.of(tenant);
        if (!institution.currency().equals(request.currency())) {
            throw Problems.invalid("Bills of " + tenant + " are in " + institution.currency(),
                    new FieldError("currency", "must be " + institution.currency()));
        }
        LocalDate today = LocalDate.now(clock);
        return numbers.next(tenant, today.getYear()).flatMap(number -> {
            Invoice invoice = new Invoice();
            invoice.id = Ids.newId();
            invoice.tenant = tenant;
            invoice.number = number;
            invoice.accountId = request.accountId();
            invoice.regie = institution.regie();
            invoice.reason = request.reason();
            invoice.description = request.description();
            if (request.item() != null) {
                invoice.itemBarcode = request.item().barcode();
                invoice.itemTitle = request.item().title();
            }
            invoice.amount = request.amount();
            invoice.currency = request.currency();
            invoice.state = InvoiceState.OPEN;
            invoice.issuedOn = today;
            invoice.createdAt = clock.instant();
            invoice.createdBy = operator;
            InvoiceHistoryEntry created = InvoiceHistoryEntry.of(invoice, InvoiceHistoryEntry.CREATED,
                    invoice.amount, operator, invoice.createdAt);
            created.notes = request.notes();
            InvoiceCreated event = new InvoiceCreated(invoice.id.toString(), number, invoice.accountId,
                    invoice.regie, invoice.amount, invoice.currency, invoice.reason, invoice.description,
                    today, operator);
            return invoice.persist()
                    .call(() -> created.persist())
                    .call(() -> outbox.publish(EventType.INVOICE_CREATED, tenant, invoice.id.toString(), null, event))
                    .replaceWith(invoice);
        });
    }

    /** A citizen sees only their own invoices; staff see their institution's. Anything else is 404. */
    @WithSession
    public Uni<Invoice> visibleTo(UUID id, String tenant, String subject, boolean staff) {
        return Invoice.findInTenant(id, tenant).map(invoice -> {
            if (invoice == null || (!staff && !invoice.accountId.equals(subject))) {
                throw Problems.notFound("Invoice " + id);
            }
            return invoice;
        });
    }

    @WithSession
    public Uni<List<Invoice>> ofAccount(String tenant, String accountId) {
        return Invoice.ofAccount(tenant, accountId);
    }

    @WithSession
    public Uni<List<InvoiceHistoryEntry>> history(UUID invoiceId) {
        return InvoiceHistoryEntry.ofInvoice(invoiceId);
    }
}
