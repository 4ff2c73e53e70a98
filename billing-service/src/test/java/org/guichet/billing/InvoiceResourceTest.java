package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.Topics;
import org.guichet.events.payload.InvoiceCreated;
import org.guichet.testing.EventTap;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.guichet.billing.Fixtures.as;
import static org.guichet.billing.Fixtures.createInvoice;
import static org.guichet.billing.Fixtures.invoice;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class InvoiceResourceTest extends BillingTestResource {

    @Test
    void an_agent_creates_a_manual_bill_and_InvoiceCreated_goes_over_kafka() {
        try (EventTap tap = new EventTap(Topics.INVOICES)) {
            String id = as("agent", "agent-7").body(invoice("patron-100", 5000)).post("/invoices")
                    .then().statusCode(201)
                    .body("state", equalTo("OPEN"))
                    .body("outstanding", equalTo(5000))
                    .body("regie", equalTo("kladno-library"))
                    .body("number", matchesPattern("LIB-KLADNO-\\d{4}-\\d{6}"))
                    .extract().path("id");

            ConsumerRecord<String, String> record = tap.await(r -> r.key().equals(id), Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(record.value()), "the event honours its contract");
            InvoiceCreated event = EventJson.read(record.value()).payloadAs(InvoiceCreated.class);
            assertEquals("patron-100", event.accountId());
            assertEquals(5000, event.amount());
            assertEquals("lib-kladno", EventJson.read(record.value()).tenant());
        }
    }

    @Test
    void the_patron_sees_their_own_invoice_and_another_citizen_gets_404() {
        String id = createInvoice("patron-200", 1500);
        as("citizen", "patron-200").get("/invoices/" + id).then().statusCode(200).body("amount", equalTo(1500));
        as("citizen", "patron-200").get("/invoices").then().statusCode(200).body("id", hasItem(id));
        as("citizen", "patron-201").get("/invoices/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as("citizen", "patron-201").get("/invoices").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void another_institution_cannot_see_the_invoice() {
        String id = createInvoice("patron-300", 1500);
        as("agent", "agent-namur", "ville-namur").get("/invoices/" + id).then().statusCode(404);
    }

    @Test
    void history_records_the_creation_with_operator_and_notes() {
        Map<String, Object> body = new HashMap<>(invoice("patron-400", 700));
        body.put("notes", "damaged cover");
        String id = as("agent", "agent-9").body(body).post("/invoices").then().statusCode(201).extract().path("id");
        as("agent", "agent-9").get("/invoices/" + id + "/history").then().statusCode(200)
                .body("[0].action", equalTo("CREATED"))
                .body("[0].operator", equalTo("agent-9"))
                .body("[0].notes", equalTo("damaged cover"))
                .body("[0].amount", equalTo(700));
    }

    @Test
    void negative_and_zero_amounts_are_refused_with_the_field_named() {
        for (long amount : new long[]{-100, 0}) {
            as("agent", "agent-7").body(invoice("patron-500", amount)).post("/invoices").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("amount"));
        }
        as("agent", "agent-7").get("/invoices?accountId=patron-500").then().body("$", hasSize(0));
    }

    @Test
    void a_currency_other_than_the_institution_s_is_refused() {
        Map<String, Object> body = new HashMap<>(invoice("patron-600", 100));
        body.put("currency", "EUR");
        as("agent", "agent-7").body(body).post("/invoices").then().statusCode(400)
                .body("errors.field", hasItem("currency"));
    }

    @Test
    void malformed_json_and_wrong_types_get_a_problem() {
        as("agent", "agent-7").body("{\"accountId\": ").post("/invoices").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Invalid request"));
        as("agent", "agent-7").body("{\"accountId\":\"p\",\"amount\":\"ten\",\"currency\":\"CZK\",\"reason\":\"X\"}")
                .post("/invoices").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("amount"));
    }

    @Test
    void unknown_and_malformed_ids_are_404() {
        as("agent", "agent-7").get("/invoices/6f1c2a9e-3b7d-4c1e-9a55-0d2f4b8e7a10").then().statusCode(404);
        as("agent", "agent-7").get("/invoices/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("The id not-a-uuid was not found"));
    }

    @Test
    void without_a_token_nothing_is_served_and_a_citizen_cannot_bill() {
        given().contentType(ContentType.JSON).body(invoice("patron-700", 100)).post("/invoices").then().statusCode(401);
        given().header("Authorization", "Bearer not.a.token").get("/invoices").then().statusCode(401);
        as("citizen", "patron-700").body(invoice("patron-700", 100)).post("/invoices").then().statusCode(403);
    }
}
