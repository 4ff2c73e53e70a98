package org.guichet.billing.invoice;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.guichet.platform.Ids;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One action on an invoice, kept forever (R8): who, what, how much, how it was paid. */
@Entity
@Table(name = "invoice_history")
public class InvoiceHistoryEntry extends PanacheEntityBase {
    public static final String CREATED = "CREATED";
    public static final String PAYMENT = "PAYMENT";
    public static final String WAIVE = "WAIVE";
    public static final String CANCEL = "CANCEL";
    public static final String NOTE = "NOTE";
    /** A payment of the bill started at the gateway, and ended without money. */
    public static final String PENDING = "PENDING";
    public static final String PAYMENT_ABANDONED = "PAYMENT_ABANDONED";
    public static final String REFUND_REQUESTED = "REFUND_REQUESTED";
    public static final String REFUND = "REFUND";
    public static final String REFUND_FAILED = "REFUND_FAILED";
    public static final String COLLECTIONS = "COLLECTIONS";

    @Id
    public UUID id;
    public UUID invoiceId;
    public String tenant;
    public String action;
    public long amount;
    public String paymentMode;
    public String reference;
    public String operator;
    /** The operator's name where known (the agent at the counter). */
    public String operatorName;
    /** Whose money paid, when not the operator's: a counter payment's operator is the agent (R8). */
    public String payer;
    public String notes;
    /** The supervisor who let a restricted agent do this (R11). */
    public String grantedBy;
    public String paymentId;
    public Instant occurredAt;

    public static InvoiceHistoryEntry of(Invoice invoice, String action, long amount, String operator, Instant at) {
        InvoiceHistoryEntry e = new InvoiceHistoryEntry();
        e.id = Ids.newId();
        e.invoiceId = invoice.id;
        e.tenant = invoice.tenant;
        e.action = action;
        e.amount = amount;
        e.operator = operator;
        e.occurredAt = at;
        return e;
    }

    public static Uni<List<InvoiceHistoryEntry>> ofInvoice(UUID invoiceId) {
        return list("invoiceId = ?1 order by occurredAt, id", invoiceId);
    }
}
