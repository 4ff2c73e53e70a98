package org.guichet.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.guichet.events.Topics;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.testing.DevTokens;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.guichet.testing.PrometheusText;
import org.guichet.testing.Requests;
import org.guichet.testing.TestInfra;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PaymentEmailsTest extends NotificationTestResource {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String AGENTS = "pokladna@knihovna-kladno.example";

    static String settle(String email, String language, String reference) {
        return Events.aPaymentSettled().reference(reference).of(6500, "CZK")
                .by(new Payer("patron-n", "Jana Nováková", email, language))
                .lines(new PaymentLine(PaymentLine.INVOICE, UUID.randomUUID().toString(), "lib-kladno", "Late fee", 5000),
                        new PaymentLine(PaymentLine.INVOICE, UUID.randomUUID().toString(), "lib-kladno", "Lost card", 1500))
                .publish("lib-kladno");
    }

    /** A received message's MIME text, soft line breaks of quoted-printable undone. */
    static String mime(JsonNode message) {
        return message.path("mimeMessage").asText().replace("=\r\n", "").replace("=\n", "");
    }

    static List<JsonNode> inbox(String email, String reference) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode m : JSON.readTree(TestInfra.smtp().inboxJson(email))) {
            if (m.path("subject").asText().contains(reference)) {
                out.add(m);
            }
        }
        return out;
    }

    @Test
    void the_citizen_gets_a_receipt_in_their_language_and_the_agents_a_ready_to_process_notice() throws Exception {
        String email = "jana-" + UUID.randomUUID() + "@example.cz";
        settle(email, "cs", "KLADNO-LIBRARY-000101");
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(email, "KLADNO-LIBRARY-000101").size() == 1);
        JsonNode receipt = inbox(email, "KLADNO-LIBRARY-000101").get(0);
        assertEquals("Potvrzení o platbě KLADNO-LIBRARY-000101", receipt.path("subject").asText());
        String mime = receipt.path("mimeMessage").asText();
        assertTrue(mime.contains("65.00 CZK") || mime.contains("65.00=20CZK"), mime);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(AGENTS, "KLADNO-LIBRARY-000101").size() == 1);
        assertTrue(inbox(AGENTS, "KLADNO-LIBRARY-000101").get(0).path("subject").asText().startsWith("Zaplaceno"));
    }

    @Test
    void an_unknown_language_falls_back_to_french_and_english_is_honoured() throws Exception {
        String fr = "x-" + UUID.randomUUID() + "@example.be";
        String en = "y-" + UUID.randomUUID() + "@example.be";
        settle(fr, "de", "KLADNO-LIBRARY-000102");
        settle(en, "en-GB", "KLADNO-LIBRARY-000103");
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(fr, "000102").size() == 1 && inbox(en, "000103").size() == 1);
        assertEquals("Reçu de paiement KLADNO-LIBRARY-000102", inbox(fr, "000102").get(0).path("subject").asText());
        assertEquals("Payment receipt KLADNO-LIBRARY-000103", inbox(en, "000103").get(0).path("subject").asText());
    }

    @Test
    void a_redelivered_event_sends_no_second_email() throws Exception {
        String email = "dup-" + UUID.randomUUID() + "@example.cz";
        String event = settle(email, "cs", "KLADNO-LIBRARY-000104");
        EventTap.send(Topics.PAYMENTS, "again", event);
        EventTap.send(Topics.PAYMENTS, "again", event);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(email, "000104").size() >= 1);
        await("one receipt for three deliveries").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> inbox(email, "000104").size() == 1);
    }

    @Test
    void mail_queued_while_smtp_is_down_is_sent_once_it_is_back() throws Exception {
        String email = "outage-" + UUID.randomUUID() + "@example.cz";
        double sentBefore = emails("sent");
        double retriedBefore = emails("retried");
        TestInfra.smtp().stop();
        try {
            settle(email, "en", "KLADNO-LIBRARY-000105");
            String finance = DevTokens.mint("finance-1", "lib-kladno", "finance");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(finance).queryParam("recipient", email).get("/deliveries").then()
                            .statusCode(200).body("[0].status", equalTo("PENDING"))
                            .body("[0].attempts", greaterThanOrEqualTo(1)));
        } finally {
            TestInfra.smtp().start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> inbox(email, "000105").size() == 1);
        String finance = DevTokens.mint("finance-1", "lib-kladno", "finance");
        // the row is marked SENT in the transaction that sent it: it may commit just after the mail lands
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(finance)
                .queryParam("recipient", email).get("/deliveries").then()
                .body("[0].status", equalTo("SENT")).body("[0].template", equalTo("receipt")));
        await("sent once").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> inbox(email, "000105").size() == 1);
        assertTrue(emails("retried") > retriedBefore, "guichet_emails_total{outcome=retried} counts the failed tries");
        assertTrue(emails("sent") > sentBefore, "guichet_emails_total{outcome=sent} counts the sent mail");
    }

    static double emails(String outcome) {
        return PrometheusText.value(given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "guichet_emails_total", java.util.Map.of("outcome", outcome));
    }

    @Test
    void the_delivery_log_is_for_finance_and_admin_only() {
        Requests.token("patron-n", "lib-kladno", "citizen").get("/deliveries").then().statusCode(403);
        Requests.token("f", "lib-kladno", "finance").queryParam("status", "BOGUS")
                .get("/deliveries").then().statusCode(400).contentType("application/problem+json");
    }
}
