package org.guichet.documents;

import org.guichet.events.payload.PaymentSettled;

import java.time.Instant;
import java.util.List;

/**
 * What a payment receipt says (R12): its number (unique per institution), the payment reference on
 * the bank statement, who paid, for which régie, how, and the lines. Built from PaymentSettled, so
 * payment-service (the printable copy) and notification-service (the emailed copy) print the same.
 */
public record Receipt(String receiptNumber, String paymentReference, String regie, String statementDescriptor,
                      String payerName, String mode, String gateway, String gatewayReference, Instant paidAt,
                      long amount, String currency, List<Line> lines) {

    public record Line(String description, long amount) {
    }

    public static Receipt of(PaymentSettled p) {
        return new Receipt(p.receiptNumber(), p.reference(), p.regie(), p.statementDescriptor(), p.payer().name(),
                p.mode(), p.gateway(), p.gatewayReference(), p.settledAt(), p.amount(), p.currency(),
                p.lines().stream().map(l -> new Line(l.description() == null ? l.refId() : l.description(), l.amount()))
                        .toList());
    }
}
