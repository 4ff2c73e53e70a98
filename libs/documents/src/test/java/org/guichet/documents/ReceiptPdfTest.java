package org.guichet.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiptPdfTest {

    @Test
    void a_receipt_prints_its_number_reference_descriptor_lines_and_total_with_accents() throws Exception {
        Receipt r = new Receipt("RC-LIB-KLADNO-2026-000042", "KLADNO-LIBRARY-000017", "kladno-library", "KNIHOVNA KLADNO",
                "Jana Nováková", "ONLINE", "mollie", "tr_WDqYK6vllg", Instant.parse("2026-11-21T10:15:30Z"), 7500, "CZK",
                List.of(new Receipt.Line("Pozdní vrácení — Čapek", 5000), new Receipt.Line("Poplatek za zpracování", 2500)));
        byte[] pdf = ReceiptPdf.render(r, ZoneId.of("Europe/Prague"), Optional.empty());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("RC-LIB-KLADNO-2026-000042"), text);
            assertTrue(text.contains("KLADNO-LIBRARY-000017"), text);
            assertTrue(text.contains("KNIHOVNA KLADNO"), text);
            assertTrue(text.contains("Jana Nováková"), text);
            assertTrue(text.contains("50.00 CZK") && text.contains("Pozdní vrácení — Čapek"), text);
            assertTrue(text.contains("Total: 75.00 CZK"), text);
            assertTrue(text.contains("2026-11-21 11:15"), text);
        }
    }
}
