package org.guichet.billing.statement;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.billing.account.AccountHistory;
import org.guichet.documents.PdfText;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Renders a {@link Statement} as an A4 PDF. Names are Czech, French, Dutch: a Unicode TrueType font is
 * embedded when one is configured or found (DejaVu Sans on Debian); without one, the standard
 * Helvetica is used and letters it cannot show lose their accents.
 */
@ApplicationScoped
public class StatementPdf {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ConfigProperty(name = "guichet.statement.font")
    Optional<String> configuredFont;

    public byte[] render(Statement s, ZoneId zone) {
        try (PdfText w = new PdfText(configuredFont)) {
            w.line(s.institution(), 14);
            w.line("Account statement / Relevé de compte / Výpis z účtu", 11);
            w.line(s.accountName() + " — " + s.accountId(), 11);
            w.line("Period: " + s.from() + " – " + s.to(), 10);
            w.gap();
            w.line("Bills", 12);
            for (Statement.BillLine b : s.bills()) {
                w.line(b.number() + "  " + b.issuedOn() + "  " + b.reason() + "  " + money(b.amount(), s.currency())
                        + "  paid " + money(b.paid(), s.currency()) + "  waived " + money(b.waived(), s.currency())
                        + (b.refunded() > 0 ? "  refunded " + money(b.refunded(), s.currency()) : "")
                        + "  due " + money(b.outstanding(), s.currency()) + "  " + b.state(), 9);
                if (b.description() != null) {
                    w.line("      " + b.description(), 8);
                }
            }
            w.gap();
            w.line("History", 12);
            for (AccountHistory.Line l : s.history()) {
                w.line(WHEN.format(l.occurredAt().atZone(zone)) + "  " + l.action()
                        + (l.invoiceNumber() == null ? "" : "  " + l.invoiceNumber())
                        + (l.amount() == null ? "" : "  " + money(l.amount(), s.currency()))
                        + (l.paymentMode() == null ? "" : "  " + l.paymentMode())
                        + "  " + l.operator() + (l.grantedBy() == null ? "" : " (override: " + l.grantedBy() + ")")
                        + (l.notes() == null ? "" : "  — " + l.notes()), 8);
            }
            w.gap();
            w.line("Billed in the period: " + money(s.billed(), s.currency()) + "   Paid: " + money(s.paid(), s.currency())
                    + "   Waived: " + money(s.waived(), s.currency()) + "   Refunded: " + money(s.refunded(), s.currency()), 10);
            w.line("Balance due: " + money(s.balance(), s.currency()) + "   Credit: " + money(s.credit(), s.currency()), 11);
            return w.toBytes();
        }
    }

    static String money(long minor, String currency) {
        return PdfText.money(minor, currency);
    }
}
