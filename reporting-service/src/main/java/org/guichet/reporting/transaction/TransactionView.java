package org.guichet.reporting.transaction;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One line of the back office (R23). */
public record TransactionView(String paymentId, String reference, Instant date, String citizenName, String citizen,
                              long total, String currency, String regie, String status, String gateway,
                              String gatewayReference, String mode, JsonNode lines, String accountingCode,
                              long refunded) {
}
