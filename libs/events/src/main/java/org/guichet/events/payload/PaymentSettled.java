package org.guichet.events.payload;

import java.time.Instant;
import java.util.List;

public record PaymentSettled(String paymentId, String reference, String checkoutId, String regie,
                             long amount, String currency, String gateway, String gatewayReference,
                             String mode, Payer payer, List<PaymentLine> lines, Instant settledAt) {
}
