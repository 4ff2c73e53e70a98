package org.guichet.documents;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** A receipt as a one-page A4 PDF, in the four languages of the suite's citizens (labels side by side). */
public final class ReceiptPdf {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReceiptPdf() {
    }

    public static byte[] render(Receipt r, ZoneId zone, Optional<String> font) {
        try (PdfText pdf = new PdfText(font)) {
            pdf.line("Receipt / Reçu / Ontvangstbewijs / Potvrzení o platbě", 14);
            pdf.line("No. " + r.receiptNumber(), 12);
            pdf.gap();
            pdf.line("Payment reference: " + r.paymentReference(), 10);
            pdf.line("Date: " + WHEN.format(r.paidAt().atZone(zone)), 10);
            pdf.line("Régie: " + r.regie(), 10);
            if (r.statementDescriptor() != null) {
                pdf.line("On your bank statement: " + r.statementDescriptor(), 10);
            }
            if (r.payerName() != null) {
                pdf.line("Paid by: " + r.payerName(), 10);
            }
            pdf.line("Paid with: " + r.mode() + (r.gateway() == null ? "" : " / " + r.gateway())
                    + (r.gatewayReference() == null ? "" : " " + r.gatewayReference()), 10);
            pdf.gap();
            for (Receipt.Line line : r.lines()) {
                pdf.line(PdfText.money(line.amount(), r.currency()) + "   " + (line.description() == null ? "" : line.description()), 10);
            }
            pdf.gap();
            pdf.line("Total: " + PdfText.money(r.amount(), r.currency()), 12);
            return pdf.toBytes();
        }
    }
}
