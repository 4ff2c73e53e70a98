package org.guichet.reporting.transaction;

import org.guichet.events.payload.PaymentLine;
import org.guichet.platform.money.Money;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The line items of a transaction as finance reads them in one cell ("Extrait d'acte = 12,00 | …",
 * decimal comma), and the institutions they belong to. Written when the transaction changes, so an
 * export of a million lines parses no JSON.
 */
public final class LineSummary {
    private LineSummary() {
    }

    public static String of(List<PaymentLine> lines, String currency) {
        StringBuilder s = new StringBuilder();
        for (PaymentLine line : lines) {
            append(s, line.description() != null ? line.description() : line.refId(), line.amount(), currency);
        }
        return s.toString();
    }

    private static void append(StringBuilder s, String what, long amount, String currency) {
        if (!s.isEmpty()) {
            s.append(" | ");
        }
        s.append(what).append(" = ").append(Money.of(amount, currency).toDecimalString().replace('.', ','));
    }

    /**
     * {@code |a|b|}: the institutions whose bills the lines are (the payment's own when they name none),
     * each once, in order, matched by {@code like '%|a|%'}.
     */
    public static String institutions(String tenant, Collection<PaymentLine> lines) {
        TreeSet<String> all = new TreeSet<>();
        for (PaymentLine line : lines) {
            if (line.tenant() != null && !line.tenant().isBlank()) {
                all.add(line.tenant());
            }
        }
        if (all.isEmpty()) {
            all.add(tenant);
        }
        return "|" + String.join("|", all) + "|";
    }
}
