package org.guichet.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.AccountPseudonymised;
import org.guichet.events.payload.AccountRegistered;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.TransactionsPastRetention;
import org.guichet.notification.privacy.NotificationPersonalData;
import org.guichet.platform.privacy.Pseudonym;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.guichet.testing.Requests;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.guichet.notification.PaymentEmailsTest.AGENTS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Personal data in notification-service: the export of a person's contact data and of the emails about them;
 * billing's retention decisions erase names, the person's addresses, bodies and receipt PDFs, and keep
 * who was written to when, with what subject and outcome.
 */
@QuarkusTest
class PersonalDataTest extends NotificationTestResource {

    /** The person's account registered, then a payment of theirs settled: a receipt (with its PDF) and the agents' notice. */
    static String paid(String tenant, String person, String name, String email) {
        TestEvents.publish(EventType.ACCOUNT_REGISTERED, tenant, person, new AccountRegistered(person, name, email, "cs",
                null, null, true, null));
        String paymentId = UUID.randomUUID().toString();
        String reference = "KL-" + paymentId.substring(0, 8);
        Events.aPaymentSettled().id(paymentId).reference(reference).of(4500, "CZK")
                .paying(UUID.randomUUID().toString(), "Late fee").by(new Payer(person, name, email, "cs"))
                .receipt("RC-" + reference, "KNIHOVNA KLADNO").publish(tenant);
        await().atMost(Duration.ofSeconds(30)).until(() -> export(tenant, person).getList("records.emails.findAll { "
                + "it.subject.contains('" + reference + "') && it.status == 'SENT' }").size() == 2);
        return reference;
    }

    static JsonPath export(String tenant, String subject) {
        return Requests.token("dpo-1", tenant, "admin").get("/privacy/subjects/" + subject)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void the_export_holds_the_persons_contact_and_the_emails_about_them_and_nothing_of_anyone_else() {
        String email = "pd-n1-" + UUID.randomUUID() + "@example.cz";
        String reference = paid("lib-kladno", "pd-n1", "Jana Nováková", email);
        String otherReference = paid("lib-kladno", "pd-n2", "Petr Novák", "pd-n2-" + UUID.randomUUID() + "@example.cz");
        TestEvents.publish(EventType.ACCOUNT_REGISTERED, "lib-slany", "pd-n1", new AccountRegistered("pd-n1",
                "Marie Slánská", "marie@example.cz", "cs", null, null, true, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> !export("lib-slany", "pd-n1").getList("records.contact").isEmpty());

        JsonPath part = export("lib-kladno", "pd-n1");
        assertEquals("notification-service", part.getString("service"));
        assertEquals(List.of("Jana Nováková"), part.getList("records.contact.name"));
        assertEquals(List.of("Jana Nováková"), part.getList("records.paymentContacts.name"));
        List<Map<String, Object>> emails = part.getList("records.emails");
        assertEquals(2, emails.size(), "the receipt and the agents' notice naming the payer");
        assertTrue(emails.stream().anyMatch(e -> email.equals(e.get("recipient")) && e.get("attachment") != null));
        assertTrue(emails.stream().anyMatch(e -> AGENTS.equals(e.get("recipient"))
                && ((String) e.get("body_text")).contains("Jana Nováková")));
        String body = part.prettify();
        assertFalse(body.contains(otherReference) || body.contains("Petr Novák") || body.contains("Slánská"), body);
        assertTrue(body.contains(reference));

        Requests.token("pd-n1", "lib-kladno", "citizen").get("/privacy/me").then()
                .statusCode(200).body("records.contact[0].name", equalTo("Jana Nováková"));
        assertEquals(List.of("Marie Slánská"), export("lib-slany", "pd-n1").getList("records.contact.name"));
        assertTrue(export("lib-slany", "pd-n1").getList("records.emails").isEmpty());
        Requests.token("fin-1", "lib-kladno", "finance").get("/privacy/subjects/pd-n1")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/privacy/subjects/pd-n1").then().statusCode(401);
    }

    @Test
    void a_pseudonymised_account_leaves_the_delivery_log_without_its_name_address_bodies_or_pdfs() {
        String email = "pd-n3-" + UUID.randomUUID() + "@example.cz";
        String reference = paid("lib-kladno", "pd-n3", "Eva Dvořáková", email);
        String otherEmail = "pd-n4-" + UUID.randomUUID() + "@example.cz";
        paid("lib-kladno", "pd-n4", "Karel Čapek", otherEmail);
        JsonPath before = export("lib-kladno", "pd-n3");

        String pseudonym = Pseudonym.of("lib-kladno", "pd-n3");
        String event = TestEvents.publish(EventType.ACCOUNT_PSEUDONYMISED, "lib-kladno", "pd-n3",
                new AccountPseudonymised("pd-n3", pseudonym, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(pseudonym),
                export("lib-kladno", "pd-n3").getList("records.contact.name")));
        EventTap.send(Topics.ACCOUNTS, "pd-n3", event);

        JsonPath after = export("lib-kladno", "pd-n3");
        assertEquals(List.of(Pseudonym.email(pseudonym)), after.getList("records.contact.email"));
        assertEquals(List.of(pseudonym), after.getList("records.paymentContacts.name"));
        List<Map<String, Object>> emails = after.getList("records.emails");
        assertEquals(2, emails.size());
        for (Map<String, Object> e : emails) {
            assertEquals(NotificationPersonalData.ERASED, e.get("body_text"));
            assertEquals(NotificationPersonalData.ERASED, e.get("body_html"));
            assertNull(e.get("attachment"));
            assertEquals("SENT", e.get("status"));
            assertTrue(((String) e.get("subject")).contains(reference), "the subject names the reference only");
        }
        assertEquals(List.of(Pseudonym.email(pseudonym), AGENTS).stream().sorted().toList(),
                emails.stream().map(e -> (String) e.get("recipient")).sorted().toList(), "the agents' address stays");
        assertEquals(before.getList("records.emails.created_at"), after.getList("records.emails.created_at"));
        assertEquals(before.getList("records.emails.sent_at"), after.getList("records.emails.sent_at"));
        assertEquals(before.getList("records.emails.template"), after.getList("records.emails.template"));
        // the delivery log no longer finds the address; the other person's emails are whole
        Requests.token("fin-1", "lib-kladno", "finance").queryParam("recipient", email)
                .get("/deliveries").then().statusCode(200).body("$", hasSize(0));
        JsonPath other = export("lib-kladno", "pd-n4");
        assertEquals(List.of("Karel Čapek"), other.getList("records.contact.name"));
        assertTrue(other.getList("records.emails.body_text", String.class).stream().noneMatch(NotificationPersonalData.ERASED::equals));
        assertNotNull(other.getList("records.emails.attachment").stream().filter(a -> a != null).findAny().orElse(null));
    }

    @Test
    void emails_before_the_cut_off_are_erased_whoever_they_were_about() {
        String tenant = "privacy-cut-off";
        String email = "pd-n5-" + UUID.randomUUID() + "@example.cz";
        paid(tenant, "pd-n5", "Anna Malá", email);
        Instant cut = Instant.now().plusSeconds(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(cut));
        TestEvents.publish(EventType.TRANSACTIONS_PAST_RETENTION, tenant, tenant,
                new TransactionsPastRetention(cut, "P10Y", LocalDate.now()));
        String pseudonymised = Pseudonym.email(Pseudonym.of(tenant, "pd-n5"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(export(tenant, "pd-n5")
                .getList("records.emails.recipient").contains(pseudonymised)));
        JsonPath after = export(tenant, "pd-n5");
        assertTrue(after.getList("records.emails.body_text", String.class).stream()
                .allMatch(NotificationPersonalData.ERASED::equals));
        assertEquals(List.of(Pseudonym.of(tenant, "pd-n5")), after.getList("records.paymentContacts.name"));
        assertEquals(List.of("Anna Malá"), after.getList("records.contact.name"), "the account's contact is not a transaction");
        // an email after the cut-off keeps its body
        paid(tenant, "pd-n5", "Anna Malá", email);
        assertTrue(export(tenant, "pd-n5").getList("records.emails.body_text", String.class).stream()
                .anyMatch(b -> b.contains("Anna Malá")));
    }
}
