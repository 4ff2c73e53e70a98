package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.guichet.events.EventContract;
import org.guichet.events.EventJson;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.events.payload.PaymentSettled;
import org.guichet.events.payload.RefundIssued;
import org.guichet.simulator.ogone.OgoneSimulator;
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
 * Ingenico/Ogone through its adapter, against the simulator over HTTP, the way a browser goes: our
 * page posts the SHA-IN-signed order, Ogone's page decides, the post-sale request is checked with
 * SHA-OUT; DirectLink answers status look-ups and refunds.
 */
@QuarkusTest
class OgonePaymentTest extends PaymentTestResource {
    static final String REGIE = "namur-population-ogone";
    static final Pattern INPUT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    @BeforeEach
    void merchantBackOffice() {
        SimulatorResource.simulator.traps.reset();
        registerMerchant();
    }

    /** Ogone's post-sale URL is set in its back office: the demo merchant's points at this test's port. */
    static void registerMerchant() {
        SimulatorResource.simulator.ogone.register(new OgoneSimulator.Merchant(OgoneSimulator.DEMO_PSPID,
                OgoneSimulator.DEMO_SHA_IN, OgoneSimulator.DEMO_SHA_OUT, "SHA-256", OgoneSimulator.DEMO_USER,
                OgoneSimulator.DEMO_PASSWORD, "http://127.0.0.1:" + RestAssured.port + "/callbacks/ogone"));
    }

    /** Follows our /pay page the way a browser does; answers Ogone's payment page. */
    static String postOrder(String patron, String paymentId, Map<String, String> tamper) {
        String pay = citizen(patron).post("/payments/" + paymentId + "/start").then().statusCode(200)
                .body("state", equalTo("PENDING")).extract().path("checkoutUrl");
        String page = given().get(pay).then().statusCode(200).extract().asString();
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(page);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        fields.putAll(tamper);
        Matcher action = ACTION.matcher(page);
        assertTrue(action.find(), page);
        return given().contentType(ContentType.URLENC).formParams(fields).post(action.group(1)).then().statusCode(200)
                .extract().asString();
    }

    static String choose(String ogonePage, String outcome) {
        Matcher order = Pattern.compile("name=\"ORDER\" value=\"([^\"]+)\"").matcher(ogonePage);
        assertTrue(order.find(), ogonePage);
        return given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("ORDER", order.group(1).replace("&amp;", "&")).formParam("OUTCOME", outcome)
                .post(SimulatorResource.simulator.baseUrl() + "/ogone/ncol/test/decide.asp")
                .then().statusCode(303).extract().header("Location");
    }

    @Test
    void an_accepted_ogone_payment_settles_once_from_its_signed_post_sale_requests() {
        String paymentId = checkout("patron-o1", REGIE, "EUR", 1500);
        String ogonePage = postOrder("patron-o1", paymentId, Map.of());
        SimulatorResource.simulator.traps.callbackCopies = 3;
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            String back = choose(ogonePage, "accept");
            assertTrue(back.contains("/payments/" + paymentId + "/return?") && back.contains("SHASIGN="), back);
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.PAYMENT_SETTLED), Duration.ofSeconds(30));
            assertEquals(List.of(), EventContract.violations(r.value()));
            assertEquals("ogone", EventJson.read(r.value()).payloadAs(PaymentSettled.class).gateway());
            assertEquals(1, tap.collect(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.PAYMENT_SETTLED), Duration.ofSeconds(3)).size());
        }
    }

    @Test
    void a_tampered_order_is_refused_by_ogone_and_a_tampered_result_changes_nothing() {
        String paymentId = checkout("patron-o2", REGIE, "EUR", 2500);
        assertTrue(postOrder("patron-o2", paymentId, Map.of("AMOUNT", "1")).contains("unknown order/1/s"));
        SimulatorResource.simulator.traps.dropCallbacks = true;
        String declined = choose(postOrder("patron-o2", paymentId, Map.of()), "decline");
        String query = declined.substring(declined.indexOf('?') + 1);
        assertTrue(query.contains("STATUS=2"), query);
        given().contentType("application/x-www-form-urlencoded; charset=ISO-8859-1")
                .body(query.replace("STATUS=2", "STATUS=9")).post("/callbacks/ogone").then().statusCode(401);
        citizen("patron-o2").get("/payments/" + paymentId).then().body("state", equalTo("PENDING"));
        given().contentType("application/x-www-form-urlencoded; charset=ISO-8859-1").body(query)
                .post("/callbacks/ogone").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> citizen("patron-o2").get("/payments/" + paymentId)
                .then().body("state", equalTo("FAILED")));
    }

    @Test
    void without_a_post_sale_request_the_return_asks_directlink_and_a_refund_goes_through_it() {
        SimulatorResource.simulator.traps.dropCallbacks = true;
        String paymentId = checkout("patron-o3", REGIE, "EUR", 4000);
        given().get(choose(postOrder("patron-o3", paymentId, Map.of()), "accept")).then().statusCode(200)
                .body(containsString("SETTLED"));
        try (EventTap tap = new EventTap(Topics.PAYMENTS)) {
            Events.aRefundRequested().forAccount("patron-o3").through(paymentId, 1000, "EUR").because("request refused")
                    .publish("ville-namur");
            ConsumerRecord<String, String> r = tap.await(x -> x.key().equals(paymentId)
                    && EventJson.read(x.value()).is(EventType.REFUND_ISSUED), Duration.ofSeconds(30));
            assertEquals("ogone", EventJson.read(r.value()).payloadAs(RefundIssued.class).gateway());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> citizen("patron-o3").get("/payments/" + paymentId)
                .then().body("state", equalTo("PARTIALLY_REFUNDED")));
    }
}
