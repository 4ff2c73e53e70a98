package org.guichet.billing.statement;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.billing.account.AccountHistory;
import org.guichet.platform.money.Money;
import org.guichet.platform.text.SearchText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders a {@link Statement} as an A4 PDF. Names are Czech, French, Dutch: a Unicode TrueType font is
 * embedded when one is configured or found (DejaVu Sans on Debian); without one, the standard
 * Helvetica is used and letters it cannot show lose their accents.
 */
@ApplicationScoped
public class StatementPdf {
    static final float MARGIN = 50;
    static final float LEADING = 13;
    static final List<String> FONT_CANDIDATES = List.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ConfigProperty(name = "guichet.statement.font")
    Optional<String> configuredFont;

    public byte[] render(Statement s, ZoneId zone) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Writer w = new Writer(doc, font(doc));
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
            w.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String money(long minor, String currency) {
        return Money.of(minor, currency).toDecimalString() + " " + currency;
    }

    private PDFont font(PDDocument doc) throws IOException {
        List<String> candidates = new ArrayList<>();
        configuredFont.ifPresent(candidates::add);
        candidates.addAll(FONT_CANDIDATES);
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isReadable(path)) {
                return PDType0Font.load(doc, path.toFile());
            }
        }
        return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    }

    /** Lines top to bottom, a new page when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDFont font;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument doc, PDFont font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        void line(String text, float size) throws IOException {
            if (y < MARGIN) {
                newPage();
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(printable(text));
            stream.endText();
            y -= Math.max(LEADING, size + 3);
        }

        void gap() {
            y -= LEADING / 2;
        }

        void close() throws IOException {
            stream.close();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        /** What the font cannot show is folded to plain letters (only with the fallback font). */
        private String printable(String text) throws IOException {
            String clean = text.replaceAll("[\\p{Cntrl}]", " ");
            try {
                font.encode(clean);
                return clean;
            } catch (IllegalArgumentException e) {
                return SearchText.fold(clean).replaceAll("[^\\x20-\\x7E]", "?");
            }
        }
    }
}
