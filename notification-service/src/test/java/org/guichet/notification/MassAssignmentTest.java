package org.guichet.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.guichet.testing.DevTokens;
import org.guichet.testing.MassAssignment;
import org.guichet.testing.Requests;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mass assignment: notification-service takes no body at all — its deliveries come from events —
 * so none can set a tenant, a recipient or a status; this test keeps it so (a write operation added later
 * needs a mass-assignment test of its own). Its one read takes the tenant from the token, whatever the
 * query names.
 */
@QuarkusTest
class MassAssignmentTest extends NotificationTestResource {

    @Test
    void no_operation_takes_a_body() throws Exception {
        JsonNode openApi = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
        List<String> writes = new ArrayList<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            // a write without a body (the platform's dead-letter replay) has nothing to mass-assign
            if (!method.equals("get") && !method.equals("parameters") && path.getValue().path(method).has("requestBody")) {
                writes.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        assertEquals(List.of(), writes, "write operations with a body need a mass-assignment test");
    }

    @Test
    void the_delivery_log_is_the_token_s_institution_s_whatever_the_query_says() {
        String email = "ma-" + UUID.randomUUID() + "@example.cz";
        PaymentEmailsTest.settle(email, "cs", "KLADNO-LIBRARY-000777");
        String kladno = DevTokens.mint("finance-kl", "lib-kladno", "finance");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(kladno)
                .queryParam("recipient", email).get("/deliveries").then().statusCode(200).body("size()", equalTo(1)));
        Requests.token("finance-na", "ville-namur", "finance")
                .queryParam("recipient", email).queryParam("tenant", "lib-kladno")
                .queryParam("institution", "lib-kladno").get("/deliveries")
                .then().statusCode(200).body("size()", equalTo(0));
        String log = given().auth().oauth2(kladno).queryParam("recipient", email)
                .queryParam("tenant", MassAssignment.FORGED_TENANT).get("/deliveries").then().statusCode(200)
                .body("size()", equalTo(1)).extract().asString();
        MassAssignment.assertNoneEchoed(log);
    }
}
