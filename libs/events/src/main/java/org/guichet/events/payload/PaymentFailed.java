package org.guichet.events.payload;

import java.util.List;

/** The payment ended without money: {@code outcome} is FAILED, CANCELLED or EXPIRED. */
public record PaymentFailed(String paymentId, String reference, String checkoutId, String regie,
                            long amount, String currency, String gateway, String outcome, String reason,
                            Payer payer, List<PaymentLine> lines) {
}
