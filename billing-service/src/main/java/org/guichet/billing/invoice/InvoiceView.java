package org.guichet.billing.invoice;

import java.time.LocalDate;

/** What clients see of an invoice. */
public record InvoiceView(String id, String number, String accountId, String regie, String reason,
                          String description, long amount, long paid, long waived, long outstanding,
                          long refunded, String currency, String state, LocalDate issuedOn, boolean paymentPending) {

    public static InvoiceView of(Invoice i) {
        return new InvoiceView(i.id.toString(), i.number, i.accountId, i.regie, i.reason, i.description,
                i.amount, i.paid, i.waived, i.outstanding(), i.refunded, i.currency, i.state.name(), i.issuedOn,
                i.pendingPaymentId != null);
    }
}
