package org.guichet.events.payload;

import java.time.Instant;
import java.util.List;

/**
 * The money is ours. {@code receiptNumber} is the receipt's number, unique per institution (R12), and
 * {@code statementDescriptor} what the payer's bank statement shows (R17), {@code operator} the subject of
 * the agent who took a counter payment (the cash-up, and the operator in the history, R8) and
 * {@code operatorName} their name where known; the payer is {@code payer}, separately. All four are optional:
 * an online payment has no operator, and a consumer must read an event that has none of them.
 */
public record PaymentSettled(String paymentId, String reference, String checkoutId, String regie,
                             long amount, String currency, String gateway, String gatewayReference,
                             String mode, Payer payer, List<PaymentLine> lines, Instant settledAt,
                             String receiptNumber, String statementDescriptor, String operator,
                             String operatorName) {
}
