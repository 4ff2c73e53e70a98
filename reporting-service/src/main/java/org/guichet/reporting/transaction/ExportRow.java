package org.guichet.reporting.transaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.mutiny.sqlclient.Row;
import org.guichet.events.EventJson;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A transaction as the JSON pages and export write it: the stored columns as they are, the lines
 * parsed only to be written.
 */
public record ExportRow(String paymentId, String reference, Instant date, String citizenName, String citizen,
                        long total, String currency, String regie, String status, String gateway,
                        String gatewayReference, String mode, String linesJson, String accountingCode,
                        long refunded) {

    static final String COLUMNS = "payment_id, reference, created_at, settled_at, citizen_name, citizen_subject, total, "
            + "currency, regie, status, gateway, gateway_ref, mode, lines, accounting_code, refunded";

    static ExportRow of(Row r) {
        OffsetDateTime settled = r.getOffsetDateTime(3);
        return new ExportRow(r.getUUID(0).toString(), r.getString(1),
                (settled != null ? settled : r.getOffsetDateTime(2)).toInstant(), r.getString(4), r.getString(5),
                r.getLong(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11),
                r.getString(12), r.getString(13), r.getString(14), r.getLong(15));
    }

    static ExportRow of(TransactionRecord r) {
        return new ExportRow(r.paymentId.toString(), r.reference, r.settledAt != null ? r.settledAt : r.createdAt,
                r.citizenName, r.citizenSubject, r.total, r.currency, r.regie, r.status.name(), r.gateway, r.gatewayRef,
                r.mode, r.lines, r.accountingCode, r.refunded);
    }

    TransactionView view() {
        try {
            return new TransactionView(paymentId, reference, date, citizenName, citizen, total, currency, regie, status,
                    gateway, gatewayReference, mode, EventJson.MAPPER.readTree(linesJson), accountingCode, refunded);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable lines of " + paymentId, e);
        }
    }
}
