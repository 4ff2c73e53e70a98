package org.guichet.reporting.transaction;

import com.fasterxml.jackson.databind.JsonNode;
import org.guichet.events.EventJson;

import java.time.Instant;

/** One line of the back office (R23). */
public record TransactionView(String paymentId, String reference, Instant date, String citizenName, String citizen,
                              long total, String currency, String regie, String status, String gateway,
                              String gatewayReference, String mode, JsonNode lines, String accountingCode,
                              long refunded) {

    static TransactionView of(TransactionRecord r) {
        JsonNode lines;
        try {
            lines = EventJson.MAPPER.readTree(r.lines);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new TransactionView(r.paymentId.toString(), r.reference,
                r.settledAt != null ? r.settledAt : r.createdAt, r.citizenName, r.citizenSubject, r.total, r.currency,
                r.regie, r.status.name(), r.gateway, r.gatewayRef, r.mode, lines, r.accountingCode, r.refunded);
    }
}
