package org.guichet.payment.payment;

import org.guichet.events.payload.PaymentLine;

import java.time.Instant;
import java.util.List;

/**
 * What the payer (or staff) sees of a payment. {@code finished} tells a client when to stop polling. A payment taken
 * at the counter also says how ({@code mode}), what was tendered and the change given, and who took it: the desk
 * prints its receipt from this.
 */
public record PaymentView(String id, String reference, String regie, long amount, String currency, String state,
                          boolean finished, String gateway, String checkoutUrl, String failureReason,
                          List<PaymentLine> lines, Instant createdAt, Instant updatedAt, String flag,
                          String receiptNumber, Instant settledAt, String mode, Long tendered, Long change,
                          String operatorName) {

    public static PaymentView of(Payment p) {
        return new PaymentView(p.id.toString(), p.reference, p.regie, p.amount, p.currency, p.state.name(),
                p.state.finished(), p.gateway, p.state == PaymentState.PENDING ? p.checkoutUrl : null,
                p.failureReason, p.lineList(), p.createdAt, p.updatedAt, p.flag, p.receiptNumber, p.settledAt,
                p.mode, p.tendered, p.changeGiven, p.operatorName);
    }
}
