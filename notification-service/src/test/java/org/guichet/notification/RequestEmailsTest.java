package org.guichet.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.RequestReady;
import org.guichet.events.payload.RequestRefused;
import org.guichet.testing.EventTap;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.guichet.notification.PaymentEmailsTest.inbox;
import static org.guichet.notification.PaymentEmailsTest.mime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R21: the régie's agents (as its admin set them) are told of a paid request; R22: the citizen, of a refusal. */
@QuarkusTest
class RequestEmailsTest extends NotificationTestResource {

    @Test
    void each_agent_of_the_regie_is_told_a_paid_request_is_ready_once() throws Exception {
        String agent = "agent-" + UUID.randomUUID() + "@namur.example";
        String requestId = UUID.randomUUID().toString();
        RequestReady ready = new RequestReady(requestId, "birth-certificate", "Copie d'acte de naissance",
                "namur-etat-civil", 1200, "EUR", UUID.randomUUID().toString(),
                Map.of("reason", "FAMILY_ALLOWANCE", "delivery", "POSTAL"), new Payer("c1", "Marie Dubois", null, "fr"),
                List.of(agent));
        String event = TestEvents.publish(EventType.REQUEST_READY, "ville-namur", requestId, ready);
        EventTap.send(Topics.REQUESTS, requestId, event); // redelivered
        String tag = requestId.substring(0, 8);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(agent, tag).size() == 1);
        JsonNode mail = inbox(agent, tag).get(0);
        assertEquals("Demande à traiter : Copie d'acte de naissance (" + tag + ")", mail.path("subject").asText());
        String body = mime(mail);
        assertTrue(body.contains("Marie Dubois") && body.contains("POSTAL"), body);
        await("no second email for a redelivered event").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> inbox(agent, tag).size() == 1);
    }

    @Test
    void a_refused_request_tells_the_citizen_the_reason_in_their_language() throws Exception {
        String email = "refused-" + UUID.randomUUID() + "@example.be";
        String requestId = UUID.randomUUID().toString();
        TestEvents.publish(EventType.REQUEST_REFUSED, "ville-namur", requestId, new RequestRefused(requestId,
                "birth-certificate", "Geboorteakte", "namur-etat-civil", 1200, "EUR", UUID.randomUUID().toString(),
                "De akte is niet in Namen geregistreerd", "agent-12", new Payer("c2", "Jan de Vries", email, "nl")));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(email, "Geboorteakte").size() == 1);
        JsonNode mail = inbox(email, "Geboorteakte").get(0);
        assertEquals("Uw aanvraag \"Geboorteakte\" werd geweigerd", mail.path("subject").asText());
        String body = mime(mail);
        assertTrue(body.contains("niet in Namen geregistreerd") && body.contains("12.00"), body);
    }

    @Test
    void L13_a_CR_or_LF_in_a_procedure_title_never_reaches_the_subject_header() throws Exception {
        String email = "l13-" + UUID.randomUUID() + "@example.be";
        String injected = "l13-bcc-" + UUID.randomUUID() + "@evil.example";
        String requestId = UUID.randomUUID().toString();
        String tag = requestId.substring(0, 8);
        TestEvents.publish(EventType.REQUEST_REFUSED, "ville-namur", requestId, new RequestRefused(requestId,
                "birth-certificate", "Akte " + tag + "\rBcc: " + injected + "\u2028X-Evil: 1", "namur-etat-civil", 1200,
                "EUR", UUID.randomUUID().toString(), "Niet geregistreerd", "agent-12",
                new Payer("c3", "Jan de Vries", email, "nl")));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(email, tag).size() == 1);
        JsonNode mail = inbox(email, tag).get(0);
        assertEquals("Uw aanvraag \"Akte " + tag + " Bcc: " + injected + " X-Evil: 1\" werd geweigerd",
                mail.path("subject").asText());
        String raw = mail.path("mimeMessage").asText().replace("\r\n", "\n");
        String headers = raw.substring(0, raw.indexOf("\n\n")); // the body may wrap anywhere
        assertTrue(headers.lines().noneMatch(l -> l.startsWith("Bcc:") || l.startsWith("X-Evil:")), headers);
        await("nobody else got it").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> inbox(injected, tag).isEmpty());
    }
}
