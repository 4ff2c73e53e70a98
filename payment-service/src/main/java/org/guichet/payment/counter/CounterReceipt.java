package org.guichet.payment.counter;

import org.guichet.events.payload.PaymentLine;

import java.util.List;

/**
 * What the agent hands the payer: the receipt number, what was paid for, the change due; the mode's code and
 * label, and for a reference mode the reference given (the card terminal's ticket, the transfer's reference).
 */
public record CounterReceipt(String paymentId, String receiptNumber, String paymentReference, String institution,
                             String accountId, long amount,
                             String currency, String mode, Long tendered, Long change, List<PaymentLine> lines,
                             String modeLabel, String modeReference) {
}
