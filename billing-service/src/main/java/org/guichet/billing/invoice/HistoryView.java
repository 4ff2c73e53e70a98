package org.guichet.billing.invoice;

import java.time.Instant;

public record HistoryView(String action, long amount, String paymentMode, String reference, String operator,
                          String operatorName, String payer, String grantedBy, String notes, Instant occurredAt) {

    public static HistoryView of(InvoiceHistoryEntry e) {
        return new HistoryView(e.action, e.amount, e.paymentMode, e.reference, e.operator, e.operatorName, e.payer,
                e.grantedBy, e.notes, e.occurredAt);
    }
}
