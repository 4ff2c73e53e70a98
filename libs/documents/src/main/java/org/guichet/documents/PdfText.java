package org.guichet.documents;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.guichet.platform.text.SearchText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An A4 document written as lines of text, top to bottom, a new page when one is full. Names are
 * Czech, French, Dutch: a Unicode TrueType font is embedded (the configured one, else DejaVu or
 * Liberation); with none installed, Helvetica and letters folded to ASCII.
 */
public final class PdfText implements AutoCloseable {
    static final float MARGIN = 50;
    static final float LEADING = 13;
    static final List<String> FONT_CANDIDATES = List.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf");

    private final PDDocument doc = new PDDocument();
    private final PDFont font;
    private PDPageContentStream stream;
    private float y;

    public PdfText(Optional<String> configuredFont) {
        try {
            font = font(configuredFont);
            newPage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PdfText line(String text, float size) {
        try {
            if (y < MARGIN) {
                newPage();
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(printable(text));
            stream.endText();
            y -= Math.max(LEADING, size + 3);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An amount as printed: 12.50 EUR. */
    public static String money(long minor, String currency) {
        return org.guichet.platform.money.Money.of(minor, currency).toDecimalString() + " " + currency;
    }

    public PdfText gap() {
        y -= LEADING / 2;
        return this;
    }

    /** The finished document. */
    public byte[] toBytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            stream.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDFont font(Optional<String> configured) throws IOException {
        List<String> candidates = new ArrayList<>();
        configured.ifPresent(candidates::add);
        candidates.addAll(FONT_CANDIDATES);
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isReadable(path)) {
                return PDType0Font.load(doc, path.toFile());
            }
        }
        return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
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
