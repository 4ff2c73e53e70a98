package org.guichet.reporting.transaction;

import com.fasterxml.jackson.databind.JsonNode;
import org.guichet.platform.money.Money;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * CSV as a Belgian or Czech spreadsheet opens it: UTF-8 with a byte-order mark, semicolon
 * separator, decimal comma, quoted where needed.
 */
public final class TransactionCsv {
    static final String HEADER = "reference;date;citizen;total;currency;regie;status;gateway;gateway_reference;lines;"
            + "accounting_code";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private TransactionCsv() {
    }

    public static String write(List<TransactionView> rows) {
        return header() + rows(rows);
    }

    /** The byte-order mark and the header line: the start of a streamed export. */
    public static String header() {
        return "\uFEFF" + HEADER + "\r\n";
    }

    /** Rows without the header: a page of a streamed export. */
    public static String rows(List<TransactionView> rows) {
        StringBuilder out = new StringBuilder();
        for (TransactionView t : rows) {
            out.append(cell(t.reference())).append(';')
                    .append(DATE.format(t.date())).append(';')
                    .append(cell(t.citizenName() != null ? t.citizenName() : t.citizen())).append(';')
                    .append(Money.of(t.total(), t.currency()).toDecimalString().replace('.', ',')).append(';')
                    .append(t.currency()).append(';')
                    .append(cell(t.regie())).append(';')
                    .append(t.status()).append(';')
                    .append(cell(t.gateway())).append(';')
                    .append(cell(t.gatewayReference())).append(';')
                    .append(cell(lines(t))).append(';')
                    .append(cell(t.accountingCode())).append("\r\n");
        }
        return out.toString();
    }

    private static String lines(TransactionView t) {
        StringBuilder s = new StringBuilder();
        for (JsonNode line : t.lines()) {
            if (!s.isEmpty()) {
                s.append(" | ");
            }
            s.append(line.path("description").asText(line.path("refId").asText())).append(" = ")
                    .append(Money.of(line.path("amount").asLong(), t.currency()).toDecimalString().replace('.', ','));
        }
        return s.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        // a leading = + - @ would be run as a formula by spreadsheets: neutralise it
        char first = value.isEmpty() ? ' ' : value.charAt(0);
        String v = first == '=' || first == '+' || first == '-' || first == '@' ? "'" + value : value;
        if (v.indexOf(';') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
