package org.guichet.billing;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.InvoiceWaived;
import org.guichet.testing.EventTap;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.guichet.billing.Fixtures.as;
import static org.guichet.billing.Fixtures.createInvoice;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Waive and cancel, named after the rules they prove. */
@QuarkusTest
class InvoiceLifecycleTest extends BillingTestResource {

    @Test
    void R5_cancelling_expects_a_note_or_an_acknowledged_warning() {
        String id = createInvoice("patron-l1", 5000);
        as("agent", "agent-7").body("{}").post("/invoices/" + id + "/cancel").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://guichet.org/problems/note-expected"));
        as("agent", "agent-7").get("/invoices/" + id).then().body("state", equalTo("OPEN"));
        as("agent", "agent-7").body(Map.of("acknowledgeMissingNote", true)).post("/invoices/" + id + "/cancel")
                .then().statusCode(200).body("state", equalTo("CANCELLED")).body("outstanding", equalTo(5000));
        as("agent", "agent-7").get("/invoices/" + id + "/history").then()
                .body("[1].action", equalTo("CANCEL")).body("[1].operator", equalTo("agent-7"));
        as("agent", "agent-7").body(Map.of("notes", "again")).post("/invoices/" + id + "/cancel").then().statusCode(409);
    }

    @Test
    void R5_a_bill_partly_waived_or_paid_cannot_be_cancelled() {
        String id = createInvoice("patron-l2", 5000);
        as("supervisor", "sup-1").body(Map.of("amount", 1000, "notes", "goodwill")).post("/invoices/" + id + "/waive")
                .then().statusCode(200);
        as("agent", "agent-7").body(Map.of("notes", "mistake")).post("/invoices/" + id + "/cancel").then()
                .statusCode(409).body("type", equalTo("https://guichet.org/problems/invoice-not-cancellable"));
    }

    @Test
    void R3_waive_part_then_all_and_InvoiceWaived_honours_its_contract() {
        String id = createInvoice("patron-l3", 5000);
        try (EventTap tap = new EventTap(Topics.INVOICES)) {
            as("supervisor", "sup-1").body(Map.of("amount", 2000, "notes", "first offence"))
                    .post("/invoices/" + id + "/waive").then().statusCode(200)
                    .body("waived", equalTo(2000)).body("outstanding", equalTo(3000)).body("state", equalTo("PARTIALLY_PAID"));
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(id)
                    && EventJson.read(x.value()).is(EventType.INVOICE_WAIVED), Duration.ofSeconds(20));
            assertEquals(List.of(), EventContract.violations(r.value()));
            assertEquals(3000, EventJson.read(r.value()).payloadAs(InvoiceWaived.class).outstanding());
        }
        as("supervisor", "sup-1").body(Map.of("amount", 3001)).post("/invoices/" + id + "/waive").then()
                .statusCode(400).body("errors[0].field", equalTo("amount"));
        as("supervisor", "sup-1").body("{}").post("/invoices/" + id + "/waive").then().statusCode(200)
                .body("state", equalTo("WAIVED")).body("outstanding", equalTo(0));
        as("supervisor", "sup-1").body("{}").post("/invoices/" + id + "/waive").then().statusCode(400);
        as("agent", "a").get("/invoices/" + id + "/history").then().body("action", equalTo(List.of("CREATED", "WAIVE", "WAIVE")));
    }

    @Test
    void R10_an_institution_acts_only_on_its_own_bills_and_citizens_not_at_all() {
        String id = createInvoice("patron-l4", 5000);
        as("agent", "agent-namur", "ville-namur").body(Map.of("notes", "x")).post("/invoices/" + id + "/cancel")
                .then().statusCode(404);
        as("agent", "agent-namur", "ville-namur").body("{}").post("/invoices/" + id + "/waive").then().statusCode(404);
        as("citizen", "patron-l4").body("{}").post("/invoices/" + id + "/waive").then().statusCode(403);
        as("agent", "agent-7").body(Map.of("amount", -5)).post("/invoices/" + id + "/waive").then().statusCode(400);
        as("agent", "agent-7").get("/invoices/" + id).then().body("state", equalTo("OPEN")).body("waived", equalTo(0));
    }
}
