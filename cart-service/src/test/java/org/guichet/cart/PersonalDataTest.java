package org.guichet.cart;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.AccountPseudonymised;
import org.guichet.events.payload.TransactionsPastRetention;
import org.guichet.platform.privacy.Pseudonym;
import org.guichet.testing.EventTap;
import org.guichet.testing.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.guichet.cart.Callers.namur;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Personal data in cart-service: the export of a person's requests, payables and checkouts; billing's retention decisions. */
@QuarkusTest
class PersonalDataTest extends CartTestResource {
    static final String TENANT = ProcedureRequestsTest.TENANT;

    @BeforeEach
    void catalogue() {
        new ProcedureRequestsTest().catalogue();
    }

    static String request(String subject, String name) {
        return namur("citizen", subject, name).body(Map.of("procedure", "household", "quotedAmount", 300, "criteria", Map.of()))
                .post("/requests").then().statusCode(201).extract().path("id");
    }

    static JsonPath export(String tenant, String subject) {
        return Callers.as("admin", "dpo-1", tenant).get("/privacy/subjects/" + subject)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void the_export_holds_the_persons_requests_and_cart_and_nothing_of_anyone_else() {
        String mine = request("pd-c1", "Marie Dubois");
        String theirs = request("pd-c2", "Paul Martin");
        String kladnoPayable = CartJourneyTest.invoiceFor("pd-c1", "kladno-library", 5000);

        JsonPath part = export(TENANT, "pd-c1");
        assertEquals("cart-service", part.getString("service"));
        assertEquals(List.of(mine), part.getList("records.requests.id"));
        assertEquals(List.of("Marie Dubois"), part.getList("records.requests.payer_name"));
        assertEquals(List.of("pd-c1@example.be"), part.getList("records.requests.payer_email"));
        assertEquals(List.of(mine), part.getList("records.payables.ref_id"));
        assertFalse(part.getList("records.cart").isEmpty());
        String body = part.prettify();
        assertFalse(body.contains(theirs) || body.contains("Paul Martin") || body.contains(kladnoPayable), body);

        namur("citizen", "pd-c1", "Marie Dubois").get("/privacy/me").then().statusCode(200)
                .body("records.requests.id", equalTo(List.of(mine)));
        // the same account id at Kladno is another person: only the bill offered there
        assertEquals(List.of(kladnoPayable), Callers.as("admin", "dpo-2", "lib-kladno")
                .get("/privacy/subjects/pd-c1").then().statusCode(200).extract().jsonPath().getList("records.payables.id"));
        Callers.as("agent", "agent-1", TENANT).get("/privacy/subjects/pd-c1").then()
                .statusCode(403).contentType("application/problem+json");
        namur("citizen", "pd-c1", "Marie Dubois").get("/privacy/subjects/pd-c2").then().statusCode(403);
        given().get("/privacy/subjects/pd-c1").then().statusCode(401);
    }

    @Test
    void a_pseudonymised_account_keeps_its_requests_without_its_name_and_email_once() {
        String mine = request("pd-c3", "Jeanne Lambert");
        request("pd-c4", "Luc Dupont");
        JsonPath before = export(TENANT, "pd-c3");
        String pseudonym = Pseudonym.of(TENANT, "pd-c3");
        String event = TestEvents.publish(EventType.ACCOUNT_PSEUDONYMISED, TENANT, "pd-c3",
                new AccountPseudonymised("pd-c3", pseudonym, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(pseudonym),
                export(TENANT, "pd-c3").getList("records.requests.payer_name")));
        EventTap.send(Topics.ACCOUNTS, "pd-c3", event);

        JsonPath after = export(TENANT, "pd-c3");
        assertEquals(List.of(Pseudonym.email(pseudonym)), after.getList("records.requests.payer_email"));
        for (String column : List.of("id", "amount", "currency", "state", "criteria", "regie", "created_at", "procedure_id")) {
            assertEquals(before.getList("records.requests." + column), after.getList("records.requests." + column), column);
        }
        assertEquals(before.getList("records.payables"), after.getList("records.payables"));
        assertEquals(List.of(mine), after.getList("records.requests.id"));
        assertEquals(List.of("Luc Dupont"), export(TENANT, "pd-c4").getList("records.requests.payer_name"));
        namur("citizen", "pd-c3", "Jeanne Lambert").get("/requests/mine").then().body("[0].amount", equalTo(300));
    }

    @Test
    void requests_before_the_cut_off_lose_their_payer_data_and_later_ones_keep_it() {
        request("pd-c5", "Claire Petit");
        request("pd-c6", "Hugo Grand");
        Instant cut = Instant.now().plusSeconds(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(cut));
        TestEvents.publish(EventType.TRANSACTIONS_PAST_RETENTION, TENANT, TENANT,
                new TransactionsPastRetention(cut, "P10Y", LocalDate.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(Pseudonym.of(TENANT, "pd-c5")),
                export(TENANT, "pd-c5").getList("records.requests.payer_name")));
        assertEquals(List.of(Pseudonym.email(Pseudonym.of(TENANT, "pd-c6"))),
                export(TENANT, "pd-c6").getList("records.requests.payer_email"));
        request("pd-c5", "Claire Petit");
        assertTrue(export(TENANT, "pd-c5").getList("records.requests.payer_name").contains("Claire Petit"));
    }
}
