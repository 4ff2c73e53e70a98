package org.guichet.payment.refund;

import java.time.Instant;

/** A manual refund as finance sees it: the account is shown masked, never in full. */
public record ManualRefundView(String id, String paymentId, String refundId, String invoiceId, String regie, long amount,
                               String currency, String reason, String state, String holderName, String iban,
                               String batchId, Instant createdAt, Instant detailsAt, Instant executedAt) {

    static ManualRefundView of(ManualRefund m) {
        return new ManualRefundView(m.id.toString(), m.paymentId.toString(), m.refundId, m.invoiceId, m.regie, m.amount,
                m.currency, m.reason, m.state.name(), m.holderName, mask(m.iban),
                m.batchId == null ? null : m.batchId.toString(), m.createdAt, m.detailsAt, m.executedAt);
    }

    static String mask(String iban) {
        return iban == null ? null : iban.substring(0, 4) + "…" + iban.substring(iban.length() - 4);
    }
}
