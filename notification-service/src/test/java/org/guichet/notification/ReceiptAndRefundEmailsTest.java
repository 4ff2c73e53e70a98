package org.guichet.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.guichet.events.EventContract;
import org.guichet.events.EventEnvelope;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.events.payload.ReceiptRequested;
import org.guichet.events.payload.RefundAwaitingBankDetails;
import org.guichet.events.payload.RefundBankDetailsGiven;
import org.guichet.platform.security.EventSeal;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.guichet.notification.PaymentEmailsTest.inbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R12: the receipt email carries the receipt PDF, also when sent again to another address; R7: the IBAN form link. */
@QuarkusTest
class ReceiptAndRefundEmailsTest extends NotificationTestResource {

    static PaymentSettled settled(String email, String reference, String receiptNumber) {
        return Events.aPaymentSettled().reference(reference).of(6500, "CZK")
                .paying(UUID.randomUUID().toString(), "Pozdní vrácení").by(new Payer("patron-n", "Jana Nováková", email, "cs"))
                .settledAt(Instant.parse("2026-11-21T10:15:30Z")).receipt(receiptNumber, "KNIHOVNA KLADNO").build();
    }

    /** The text of the PDF attached to a message GreenMail received. */
    static String attachedPdfText(JsonNode message) throws Exception {
        String mime = message.path("mimeMessage").asText().replace("\r\n", "\n");
        int type = mime.indexOf("application/pdf");
        assertTrue(type > 0, "a PDF is attached: " + mime);
        int start = mime.indexOf("\n\n", type) + 2;
        int end = mime.indexOf("\n--", start);
        byte[] pdf = Base64.getMimeDecoder().decode(mime.substring(start, end));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void the_receipt_email_carries_the_receipt_pdf_and_can_be_sent_again_to_another_address() throws Exception {
        String email = "rc-" + UUID.randomUUID() + "@example.cz";
        PaymentSettled p = settled(email, "KLADNO-LIBRARY-000201", "RC-LIB-KLADNO-2026-000777");
        TestEvents.publish(EventType.PAYMENT_SETTLED, "lib-kladno", p.paymentId(), p);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(email, "000201").size() == 1);
        JsonNode receipt = inbox(email, "000201").get(0);
        String text = attachedPdfText(receipt);
        assertTrue(text.contains("RC-LIB-KLADNO-2026-000777") && text.contains("Total: 65.00 CZK"), text);
        assertTrue(text.contains("2026-11-21 11:15"), "local time in Kladno: " + text);
        assertTrue(receipt.path("mimeMessage").asText().contains("RC-LIB-KLADNO-2026-000777.pdf"));

        String other = "employer-" + UUID.randomUUID() + "@example.cz";
        TestEvents.publish(EventType.RECEIPT_REQUESTED, "lib-kladno", p.paymentId(), new ReceiptRequested(p.paymentId(),
                p.receiptNumber(), other, "en", "agent-7", p));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(other, "000201").size() == 1);
        JsonNode again = inbox(other, "000201").get(0);
        assertEquals("Payment receipt KLADNO-LIBRARY-000201", again.path("subject").asText());
        assertTrue(attachedPdfText(again).contains("RC-LIB-KLADNO-2026-000777"));
        assertEquals(1, inbox(email, "000201").size(), "the payer's address gets nothing more");
    }

    @Test
    void M2_a_refund_the_card_cannot_take_sends_the_payer_the_bank_details_form_link_which_no_export_shows() throws Exception {
        String email = "rf-" + UUID.randomUUID() + "@example.be";
        String link = "http://127.0.0.1:8083/refund-forms/" + UUID.randomUUID();
        String manualRefundId = UUID.randomUUID().toString();
        // sealed as payment-service seals it (M7): only the holders of the sealing key read the link
        TestEvents.publish(EventType.REFUND_AWAITING_BANK_DETAILS, "ville-namur", "p1", new RefundAwaitingBankDetails(
                manualRefundId, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "NAMUR-ETAT-CIVIL-000301", "namur-etat-civil", 500, "EUR", "demande refusée",
                Arc.container().instance(EventSeal.class).get().seal(link, manualRefundId),
                new Payer("c-1", "Marie Dubois", email, "fr")));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(email, "000301").size() == 1);
        JsonNode mail = inbox(email, "000301").get(0);
        assertEquals("Remboursement NAMUR-ETAT-CIVIL-000301 : vos coordonnées bancaires", mail.path("subject").asText());
        String mime = mail.path("mimeMessage").asText().replace("=\r\n", "").replace("=\n", "");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertTrue(mime.contains(token), mime);

        // M2: the link is a credential: the person's data export shows the email, never the link
        String export = PersonalDataTest.export("ville-namur", "c-1").prettify();
        assertTrue(export.contains("/refund-forms/[withheld]"), export);
        assertFalse(export.contains(token), export);
    }

    @Test
    void M7_a_v1_event_from_before_the_seal_still_sends_its_link() throws Exception {
        String email = "rv1-" + UUID.randomUUID() + "@example.be";
        String link = "http://127.0.0.1:8083/refund-forms/" + UUID.randomUUID();
        ObjectNode payload = EventJson.MAPPER.createObjectNode().put("manualRefundId", UUID.randomUUID().toString())
                .put("paymentId", UUID.randomUUID().toString()).put("reference", "NAMUR-ETAT-CIVIL-000302")
                .put("regie", "namur-etat-civil").put("amount", 700).put("currency", "EUR").put("formUrl", link);
        payload.set("payer", EventJson.MAPPER.valueToTree(new Payer("c-2", "Marie Dubois", email, "fr")));
        String json = EventJson.write(new EventEnvelope(UUID.randomUUID(), EventType.REFUND_AWAITING_BANK_DETAILS.typeName(),
                1, Instant.now(), "payment-service", "ville-namur", "p1v1", null, payload));
        assertEquals(List.of(), EventContract.violations(json), "a valid v1 event");
        EventTap.send(EventType.REFUND_AWAITING_BANK_DETAILS.topic(), "p1v1", json);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(email, "000302").size() == 1);
        String mime = inbox(email, "000302").get(0).path("mimeMessage").asText().replace("=\r\n", "").replace("=\n", "");
        assertTrue(mime.contains(link.substring(link.lastIndexOf('/') + 1)), mime);
    }

    @Test
    void M2_the_payer_is_told_in_their_language_of_the_account_given_on_the_refund_form_never_in_full() throws Exception {
        String email = "rg-" + UUID.randomUUID() + "@example.be";
        TestEvents.publish(EventType.REFUND_BANK_DETAILS_GIVEN, "ville-namur", "p2", new RefundBankDetailsGiven(
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "NAMUR-ETAT-CIVIL-000302", "namur-etat-civil", 500, "EUR", "BE71…6769", "Eve Intruder",
                new Payer("c-2", "Pieter Janssens", email, "nl")));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(email, "000302").size() == 1);
        JsonNode mail = inbox(email, "000302").get(0);
        assertEquals("Terugbetaling NAMUR-ETAT-CIVIL-000302: er werd een bankrekening opgegeven",
                mail.path("subject").asText());
        String mime = quotedPrintable(mail.path("mimeMessage").asText());
        assertTrue(mime.contains("text/plain") && mime.contains("text/html"), mime);
        assertTrue(mime.contains("IBAN: BE71…6769") && mime.contains("Eve Intruder") && mime.contains("5.00 EUR"), mime);
        assertFalse(mime.contains("096123456769"), mime);
    }

    /** A MIME message's quoted-printable parts, decoded (UTF-8). */
    static String quotedPrintable(String mime) {
        String joined = mime.replace("=\r\n", "").replace("=\n", "");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && joined.substring(i + 1, i + 3).matches("[0-9A-F]{2}")) {
                out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
