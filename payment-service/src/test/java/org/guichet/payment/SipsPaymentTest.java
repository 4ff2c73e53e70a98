package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.events.payload.RefundIssued;
import org.guichet.testing.EventTap;
import org.guichet.testing.Events;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.guichet.payment.Callers.citizen;
import static org.guichet.payment.SandboxPaymentTest.checkout;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Worldline Sips 2.0 through its adapter against the simulator over HTTP: the sealed Data posted by
 * the browser, the automatic and the manual responses (the same seal, applied once), a forged
 * response refused, a reference used twice answered 94, look-ups and refunds through the Office.
 */
@QuarkusTest
class SipsPaymentTest extends PaymentTestResource {
    static final String REGIE = "namur-repas-scolaires";
    static final Pattern INPUT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    @BeforeEach
    void resetTraps() {
        SimulatorResource.simulator.traps.reset();
    }

    static Map<String, String> fields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&"));
        }
        return fields;
    }

    static String action(String html) {
        Matcher m = ACTION.matcher(html);
        assertTrue(m.find(), html);
        return m.group(1).replace("&amp;", "&");
    }

    /** Our /pay page, posted to the Paypage as a browser does; answers the Paypage. */
    static String paypage(String patron, String paymentId) {
        String pay = citizen(patron).post("/payments/" + paymentId + "/start").then().statusCode(200)
                .extract().path("checkoutUrl");
        String ours = given().get(pay).then().statusCode(200).extract().asString();
        return given().contentType(ContentType.URLENC.withCharset("UTF-8")).formParams(fields(ours))
                .post(action(ours)).then().statusCode(200).extract().asString();
    }

    /** Chooses on the Paypage; answers the manual response page (a form to our return URL). */
    static String choose(String paypage, String outcome) {
        Map<String, String> f = fields(paypage);
        return given().contentType(ContentType.URLENC.withCharset("UTF-8")).formParam("transaction", f.get("transaction"))
                .formParam("outcome", outcome).post(SimulatorResource.simulator.baseUrl() + "/sips/decide")
                .then().statusCode(200).extract().asString();
    }

    static io.restassured.response.Response postBack(String manualResponse) {
        return given().contentType(ContentType.URLENC.withCharset("UTF-8")).formParams(fields(manualResponse))
                .post(action(manualResponse));
    }

    @Test
    void an_accepted_payment_settles_once_from_the_automatic_and_the_manual_response() {
        String paymentId = checkout("patron-s1", REGIE, "EUR", 1500);
        String pay = citizen("patron-s1").post("/payments/" + paymentId + "/start").then().statusCode(200)
                .extract().path("checkoutUrl");
        String ours = given().get(pay).then().statusCode(200).extract().asString();
        String page = given().contentType(ContentType.URLENC.withCharset("UTF-8")).formParams(fields(ours))
                .post(action(ours)).then().statusCode(200).extract().asString();
        SimulatorResource.simulator.traps.callbackCopies = 3;
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            String manual = choose(page, "accept");
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.PAYMENT_SETTLED), Duration.ofSeconds(30));
            assertEquals(List.of(), EventContract.violations(r.value()));
            assertEquals("sips", EventJson.read(r.value()).payloadAs(PaymentSettled.class).gateway());
            postBack(manual).then().statusCode(200).body(containsString("data-state=\"SETTLED\""));
            assertEquals(1, tap.collect(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.PAYMENT_SETTLED), Duration.ofSeconds(3)).size());
        }
        // the same sealed order posted again: Sips answers 94 (a reference used twice), which changes nothing
        String duplicate = given().contentType(ContentType.URLENC.withCharset("UTF-8")).formParams(fields(ours))
                .post(action(ours)).then().statusCode(200).extract().asString();
        assertTrue(fields(duplicate).get("Data").contains("responseCode=94"), duplicate);
        postBack(duplicate).then().statusCode(200).body(containsString("data-state=\"SETTLED\""));
        given().get(pay).then().statusCode(404);      // no order to post once the payment is settled
    }

    @Test
    void a_forged_response_changes_nothing_and_the_manual_response_alone_settles() {
        SimulatorResource.simulator.traps.dropCallbacks = true;
        String refusedId = checkout("patron-s2", REGIE, "EUR", 800);
        String refused = choose(paypage("patron-s2", refusedId), "refuse");
        Map<String, String> forged = fields(refused);
        forged.put("Data", forged.get("Data").replace("responseCode=05", "responseCode=00"));
        given().contentType(ContentType.URLENC.withCharset("UTF-8")).formParams(forged).post("/callbacks/sips")
                .then().statusCode(401);
        citizen("patron-s2").get("/payments/" + refusedId).then().body("state", equalTo("PENDING"));
        postBack(refused).then().statusCode(200).body(containsString("data-state=\"FAILED\""));

        String paidId = checkout("patron-s2", REGIE, "EUR", 900);
        postBack(choose(paypage("patron-s2", paidId), "accept")).then().statusCode(200)
                .body(containsString("data-state=\"SETTLED\""));
    }

    @Test
    void the_office_answers_look_ups_and_refunds() {
        SimulatorResource.simulator.traps.dropCallbacks = true;
        String paymentId = checkout("patron-s3", REGIE, "EUR", 2000);
        choose(paypage("patron-s3", paymentId), "accept");        // the browser never comes back
        given().get("/payments/" + paymentId + "/return").then().statusCode(200)
                .body(containsString("data-state=\"SETTLED\""));
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            Events.aRefundRequested().forAccount("patron-s3").through(paymentId, 2000, "EUR").because("meal not served")
                    .publish("ville-namur");
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.REFUND_ISSUED), Duration.ofSeconds(30));
            assertEquals("sips", EventJson.read(r.value()).payloadAs(RefundIssued.class).gateway());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> citizen("patron-s3").get("/payments/" + paymentId)
                .then().body("state", equalTo("REFUNDED")));
    }
}
