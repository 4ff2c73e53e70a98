package org.guichet.reporting.transaction;

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
            + "accounting_code;refunded";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private TransactionCsv() {
    }

    public static String write(List<ExportRow> rows) {
        return header() + rows(rows);
    }

    /** The byte-order mark and the header line: the start of a streamed export. */
    public static String header() {
        return "\uFEFF" + HEADER + "\r\n";
    }

    /** Rows without the header: a page of a streamed export. */
    public static String rows(List<ExportRow> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 200);
        for (ExportRow t : rows) {
            out.append(cell(t.reference())).append(';')
                    .append(DATE.format(t.date())).append(';')
                    .append(cell(t.citizenName() != null ? t.citizenName() : t.citizen())).append(';')
                    .append(decimal(t.total(), t.currency())).append(';')
                    .append(t.currency()).append(';')
                    .append(cell(t.regie())).append(';')
                    .append(t.status()).append(';')
                    .append(cell(t.gateway())).append(';')
                    .append(cell(t.gatewayReference())).append(';')
                    .append(cell(t.linesCell())).append(';')
                    .append(cell(t.accountingCode())).append(';')
                    .append(decimal(t.refunded(), t.currency())).append("\r\n");
        }
        return out.toString();
    }

    private static String decimal(long minor, String currency) {
        return Money.of(minor, currency).toDecimalString().replace('.', ',');
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
