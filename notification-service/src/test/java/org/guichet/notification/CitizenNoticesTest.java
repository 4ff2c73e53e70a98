package org.guichet.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.guichet.events.EventType;
import org.guichet.events.payload.AccountRegistered;
import org.guichet.events.payload.InvoiceCreated;
import org.guichet.events.payload.Payer;
import org.guichet.testing.Events;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.guichet.notification.PaymentEmailsTest.inbox;
import static org.guichet.notification.PaymentEmailsTest.mime;
import static org.guichet.notification.ReceiptAndRefundEmailsTest.settled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The citizen's other emails, read back from GreenMail: a failed payment, a refund made (to the
 * payer of the settled payment), a new bill where the institution announces them — each with an
 * HTML part under the institution's name and logo.
 */
@QuarkusTest
class CitizenNoticesTest extends NotificationTestResource {

    @Test
    void a_failed_payment_is_announced_with_text_and_html_parts() throws Exception {
        String email = "fail-" + UUID.randomUUID() + "@example.be";
        Events.aPaymentFailed().reference("NAMUR-ETAT-CIVIL-000401").regie("namur-etat-civil").of(1200, "EUR")
                .gateway("mollie").expired("no answer").by(new Payer("c1", "Marie Dubois", email, "fr")).publish("ville-namur");
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(email, "000401").size() == 1);
        JsonNode mail = inbox(email, "000401").get(0);
        assertEquals("Paiement non abouti NAMUR-ETAT-CIVIL-000401", mail.path("subject").asText());
        String mime = mime(mail);
        assertTrue(mime.contains("text/plain") && mime.contains("text/html"), mime);
        assertTrue(mime.contains("https://www.namur.be/logo.png") && mime.contains("Ville de Namur"), mime);
    }

    @Test
    void a_refund_is_announced_to_the_payer_of_the_settled_payment() throws Exception {
        String email = "rfd-" + UUID.randomUUID() + "@example.cz";
        var p = settled(email, "KLADNO-LIBRARY-000402", "RC-LIB-KLADNO-2026-000402");
        TestEvents.publish(EventType.PAYMENT_SETTLED, "lib-kladno", p.paymentId(), p);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(email, "000402").size() == 1);
        Events.aRefundIssued().answering(UUID.randomUUID().toString()).ofPayment(p.paymentId(), p.reference())
                .regie(p.regie()).of(2500, "CZK").through("sandbox", "BANK_TRANSFER").because("kniha nalezena")
                .forInvoice("x", "fee").publish("lib-kladno");
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(email, "Platba vrácena").size() == 1);
        String mime = mime(inbox(email, "Platba vrácena").get(0));
        assertTrue(mime.contains("25.00") && mime.contains("kniha nalezena"), mime);
    }

    @Test
    void a_new_bill_is_announced_where_the_institution_wants_it_in_the_holder_s_language() throws Exception {
        String email = "bill-" + UUID.randomUUID() + "@example.cz";
        String account = "acc-" + UUID.randomUUID().toString().substring(0, 8);
        TestEvents.publish(EventType.ACCOUNT_REGISTERED, "lib-kladno", account, new AccountRegistered(account,
                "Petr Svoboda", email, "en", "ADULT", LocalDate.of(2027, 1, 1), true, account));
        String namur = "nb-" + UUID.randomUUID() + "@example.be";
        TestEvents.publish(EventType.ACCOUNT_REGISTERED, "ville-namur", "n-" + account, new AccountRegistered(
                "n-" + account, "Luc", namur, "fr", "ADULT", null, false, "n-" + account));
        String bill = UUID.randomUUID().toString();
        // the accounts' contacts arrive on their own topic first: the bills find the language and the address
        await().atMost(Duration.ofSeconds(30)).until(() -> PersonalDataTest.export("lib-kladno", account)
                .getList("records.contact").size() == 1
                && PersonalDataTest.export("ville-namur", "n-" + account).getList("records.contact").size() == 1);
        TestEvents.publish(EventType.INVOICE_CREATED, "lib-kladno", bill, new InvoiceCreated(bill,
                "LIB-KLADNO-2026-000403", account, "kladno-library", 4000, "CZK", "LATE_FEE", "Babička, 8 days late",
                LocalDate.now(), "agent-1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(email, "000403").size() == 1);
        JsonNode mail = inbox(email, "000403").get(0);
        assertEquals("New bill LIB-KLADNO-2026-000403", mail.path("subject").asText());
        assertTrue(mime(mail).contains("40.00 CZK"), mime(mail));

        // Namur does not announce bills
        TestEvents.publish(EventType.INVOICE_CREATED, "ville-namur", "nb", new InvoiceCreated(UUID.randomUUID().toString(),
                "NAMUR-2026-000404", "n-" + account, "namur-population", 500, "EUR", "FEE", null, LocalDate.now(), "a"));
        await("Namur does not announce bills").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> inbox(namur, "000404").isEmpty());
    }
}
