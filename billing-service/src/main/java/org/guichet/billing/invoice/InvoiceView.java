package org.guichet.billing.invoice;

import org.guichet.billing.institution.InstitutionsConfig;

import java.time.LocalDate;

/**
 * What clients see of an invoice: with its item as a circulation desk shows it (barcode, title, call number,
 * branch) and the date it falls due — issued on plus the institution's payment term; overdue once passed.
 */
public record InvoiceView(String id, String number, String accountId, String regie, String reason,
                          String description, long amount, long paid, long waived, long outstanding,
                          long refunded, String currency, String state, LocalDate issuedOn, boolean paymentPending,
                          String itemBarcode, String itemTitle, String callNumber, String itemBranch,
                          LocalDate dueDate) {

    public static InvoiceView of(Invoice i, InstitutionsConfig institutions) {
        InstitutionsConfig.Institution institution = institutions.institutions().get(i.tenant);
        return new InvoiceView(i.id.toString(), i.number, i.accountId, i.regie, i.reason, i.description,
                i.amount, i.paid, i.waived, i.outstanding(), i.refunded, i.currency, i.state.name(), i.issuedOn,
                i.pendingPaymentId != null, i.itemBarcode, i.itemTitle, i.callNumber, i.itemBranch,
                institution == null ? null : institution.dueDate(i.issuedOn));
    }
}
