package org.guichet.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.payload.CartCheckedOut;
import org.guichet.events.payload.Payer;
import org.guichet.events.payload.PaymentLine;
import org.guichet.testing.EventTap;
import org.guichet.testing.PrometheusText;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** H3: an event the read model can never apply is set aside on the dead-letter topic; the next ones are applied. */
@QuarkusTest
class DeadLetterTest extends ReportingTestResource {
    static final String TENANT = "ville-namur";
    static final String DEAD_LETTERS = "guichet.reporting.dead-letters";
    static final String CONSUMER = "reporting.read-model";
    static final Payer PAYER = new Payer("citizen-h3", "Henri Trois", "h3@example.be", "fr");

    static RequestSpecification as(String role, String tenant) {
        return Callers.as(role, role + "-h3", tenant);
    }

    static double deadLettered() {
        return PrometheusText.value(given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "guichet_events_dead_lettered_total", Map.of("consumer", CONSUMER));
    }

    static String checkedOut(String checkoutId, String paymentId, String currency) {
        List<PaymentLine> lines = List.of(new PaymentLine("PROCEDURE", UUID.randomUUID().toString(), TENANT, "H3", 700));
        return TestEvents.publish(EventType.CART_CHECKED_OUT, TENANT, checkoutId, new CartCheckedOut(checkoutId, PAYER,
                null, List.of(new CartCheckedOut.PaymentRequest(paymentId, "namur-population", 700, currency, lines))));
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void H3_a_poison_event_goes_to_the_dead_letter_topic_and_the_next_one_is_applied() {
        double before = deadLettered();
        String key = UUID.randomUUID().toString(); // one key: the two events share a partition, the poison one first
        String poisonPayment = UUID.randomUUID().toString();
        String goodPayment = UUID.randomUUID().toString();
        String poisonId = EventJson.read(checkedOut(key, poisonPayment, "abc")).eventId().toString();
        checkedOut(key, goodPayment, "EUR");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("finance", TENANT).get("/transactions/" + goodPayment)
                .then().statusCode(200).body("transaction.status", equalTo("PENDING")));
        try (EventTap tap = new EventTap(DEAD_LETTERS, EventType.CART_CHECKED_OUT.topic())) {
            ConsumerRecord<String, String> dead = tap.await(r -> r.topic().equals(DEAD_LETTERS)
                    && poisonId.equals(header(r, "event-id")), Duration.ofSeconds(30));
            assertEquals(CONSUMER, header(dead, "dead-letter-consumer"));
            assertEquals(EventType.CART_CHECKED_OUT.topic(), header(dead, "dead-letter-topic"));
            assertEquals(key, dead.key());
            assertEquals(poisonId, EventJson.read(dead.value()).eventId().toString());
            as("finance", TENANT).get("/transactions/" + poisonPayment).then().statusCode(404);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(before + 1, deadLettered()));

            // the institution's admin sees it, another institution's does not; a replay sends it back to its topic
            as("admin", TENANT).get("/admin/dead-letters").then().statusCode(200)
                    .body("eventId", hasItem(poisonId)).body("find { it.eventId == '" + poisonId + "' }.consumer",
                            equalTo(CONSUMER));
            as("admin", "lib-kladno").get("/admin/dead-letters").then().statusCode(200).body("eventId", not(hasItem(poisonId)));
            as("admin", "lib-kladno").post("/admin/dead-letters/" + poisonId + "/replay").then().statusCode(404)
                    .contentType("application/problem+json");
            as("finance", TENANT).post("/admin/dead-letters/" + poisonId + "/replay").then().statusCode(403);
            as("admin", TENANT).post("/admin/dead-letters/" + poisonId + "/replay").then().statusCode(202)
                    .body("topic", equalTo(EventType.CART_CHECKED_OUT.topic()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(2, tap.collect(r ->
                    r.topic().equals(EventType.CART_CHECKED_OUT.topic()) && r.value().contains(poisonId),
                    Duration.ofMillis(500)).size(), "the poison event, then its replay"));
            // still poison: set aside again, not stalling the consumer
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(before + 2, deadLettered()));
        }
    }

    @Test
    void M7_an_event_forged_by_another_service_than_its_owner_is_refused_and_the_next_one_applied() {
        double before = PrometheusText.value(given().get("/q/metrics").then().extract().asString(),
                "guichet_events_refused_total", Map.of("consumer", CONSUMER));
        String key = UUID.randomUUID().toString();
        String forgedPayment = UUID.randomUUID().toString();
        String goodPayment = UUID.randomUUID().toString();
        // a CartCheckedOut that notification-service (say, compromised) wrote: cart-service alone publishes it
        String forged = TestEvents.json(EventType.CART_CHECKED_OUT, TENANT, key, new CartCheckedOut(key, PAYER, null,
                List.of(new CartCheckedOut.PaymentRequest(forgedPayment, "namur-population", 700, "EUR",
                        List.of(new PaymentLine("PROCEDURE", UUID.randomUUID().toString(), TENANT, "M7", 700))))))
                .replace("\"producer\":\"cart-service\"", "\"producer\":\"notification-service\"");
        EventTap.send(EventType.CART_CHECKED_OUT.topic(), key, forged);
        checkedOut(key, goodPayment, "EUR");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("finance", TENANT).get("/transactions/" + goodPayment)
                .then().statusCode(200));
        as("finance", TENANT).get("/transactions/" + forgedPayment).then().statusCode(404);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(before + 1, PrometheusText.value(
                given().get("/q/metrics").then().extract().asString(), "guichet_events_refused_total",
                Map.of("consumer", CONSUMER))));
    }
}
