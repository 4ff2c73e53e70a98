package org.guichet.events.payload;

import java.time.Instant;
import java.util.List;

/**
 * Money went back to the payer: {@code lines} say what each refunded amount was for;
 * {@code refundId} is the billing refund it answers, when billing asked for it.
 */
public record RefundIssued(String refundId, String paymentId, String reference, String regie, long amount,
                           String currency, String gateway, String mode, String reason, List<PaymentLine> lines,
                           Instant refundedAt) {
}
