package org.guichet.payment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.guichet.simulator.ogone.OgoneSignature;
import org.guichet.simulator.ogone.OgoneSimulator;
import org.guichet.simulator.sips.SipsSimulator;
import org.guichet.testing.TestRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.guichet.payment.Callers.citizen;
import static org.guichet.payment.SandboxPaymentTest.checkout;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Findings H1, L7, H4 and M6 of the security review (SECURITY.md): signed callbacks are verified with the key of the
 * payment's own régie, in its configured algorithm, and must name its merchant, amount and currency; callbacks
 * that fail verification are small and short-lived in the inbox; anonymous callers cannot make the service spend
 * a régie's gateway quota, and are rate-limited by their own address behind the proxy.
 */
@QuarkusTest
class CallbackSecurityTest extends PaymentTestResource {
    static final String OGONE_FORM = "application/x-www-form-urlencoded; charset=ISO-8859-1";

    @BeforeEach
    void resetTraps() {
        SimulatorResource.simulator.traps.reset();
    }

    /** A payment under way at {@code regie}: started, so its gateway reference is set. */
    static String started(String patron, String regie, long amount) {
        String paymentId = checkout(patron, regie, "EUR", amount);
        citizen(patron).post("/payments/" + paymentId + "/start").then().statusCode(200).body("state", equalTo("PENDING"));
        return paymentId;
    }

    static String gatewayRef(String paymentId) {
        return (String) TestRows.of("payment").one("select gateway_ref from payment where id = ?",
                UUID.fromString(paymentId)).get("gateway_ref");
    }

    static Map<String, Object> payment(String paymentId) {
        return TestRows.of("payment").one("select state, flag from payment where id = ?", UUID.fromString(paymentId));
    }

    static String encode(Map<String, String> fields, Charset charset) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), charset) + "="
                + URLEncoder.encode(e.getValue(), charset)).collect(Collectors.joining("&"));
    }

    /** An Ogone post-sale result for {@code orderId}, signed with {@code shaOut}. */
    static String ogoneResult(String orderId, String status, String amount, String currency, String shaOut,
                              Map<String, String> unsigned) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("orderID", orderId);
        p.put("currency", currency);
        p.put("amount", amount);
        p.put("PM", "CreditCard");
        p.put("STATUS", status);
        p.put("PAYID", "3099999999");
        p.put("NCERROR", "0");
        p.put("SHASIGN", OgoneSignature.sign(p, OgoneSignature.OUT, shaOut, "SHA-256"));
        p.putAll(unsigned);
        return encode(p, StandardCharsets.ISO_8859_1);
    }

    /** A Sips response whose Data holds {@code data} and is sealed with {@code secret} in {@code algorithm}. */
    static String sipsResponse(String data, String secret, String algorithm) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Data", data);
        f.put("Seal", SipsSimulator.seal(data, secret, algorithm));
        f.put("InterfaceVersion", "HP_2.20");
        return encode(f, StandardCharsets.UTF_8);
    }

    static String sipsData(String merchant, String reference, String amount, String currencyCode, String algorithm) {
        return "merchantId=" + merchant + "|transactionReference=" + reference + "|amount=" + amount + "|currencyCode="
                + currencyCode + "|responseCode=00|acquirerResponseCode=00|keyVersion=1|orderChannel=INTERNET"
                + (algorithm == null ? "" : "|sealAlgorithm=" + algorithm);
    }

    @Test
    void H1_ogoneCallbackSignedWithAnotherRegiesKeyIsRejected() {
        String paymentId = started("patron-h1a", OgonePaymentTest.REGIE, 2500);
        String ref = gatewayRef(paymentId);
        // the SHA-OUT of another Ogone régie of the installation (say a forgotten one with a known passphrase)
        given().contentType(OGONE_FORM).body(ogoneResult(ref, "9", "25", "EUR", SimulatorResource.OTHER_SHA_OUT, Map.of()))
                .post("/callbacks/ogone").then().statusCode(401);
        // signed with the régie's own key, but for another merchant's PSPID
        given().contentType(OGONE_FORM).body(ogoneResult(ref, "9", "25", "EUR", OgoneSimulator.DEMO_SHA_OUT,
                Map.of("PSPID", SimulatorResource.OTHER_PSPID))).post("/callbacks/ogone").then().statusCode(401);
        assertEquals("PENDING", payment(paymentId).get("state"));
        assertEquals(2L, TestRows.of("payment").scalar("select count(*) from callback_inbox where gateway = 'ogone' "
                + "and body like ? and not verified", "%" + ref + "%"), "both recorded as rejected");
    }

    @Test
    void H1_sipsResponseSealedWithAnotherMerchantsKeyIsRejected() {
        String paymentId = started("patron-h1b", SipsPaymentTest.REGIE, 1800);
        String ref = gatewayRef(paymentId);
        // the other régie's merchant and key, naming our payment's reference: once enough to settle it
        given().contentType(ContentType.URLENC.withCharset("UTF-8")).body(sipsResponse(sipsData(
                        SimulatorResource.OTHER_SIPS_MERCHANT, ref, "1800", "978", "HMAC-SHA-256"),
                        SimulatorResource.OTHER_SIPS_SECRET, "HMAC-SHA-256")).post("/callbacks/sips").then().statusCode(401);
        // the other merchant's id, sealed with our régie's key: not the régie's merchant
        given().contentType(ContentType.URLENC.withCharset("UTF-8")).body(sipsResponse(sipsData(
                        SimulatorResource.OTHER_SIPS_MERCHANT, ref, "1800", "978", "HMAC-SHA-256"),
                        SipsSimulator.DEMO_SECRET, "HMAC-SHA-256")).post("/callbacks/sips").then().statusCode(401);
        assertEquals("PENDING", payment(paymentId).get("state"));
    }

    @Test
    void H1_aSignedResultForAnotherAmountOrCurrencyIsFlaggedAndNeverSettled() {
        String ogone = started("patron-h1c", OgonePaymentTest.REGIE, 2500);
        given().contentType(OGONE_FORM).body(ogoneResult(gatewayRef(ogone), "9", "1", "EUR", OgoneSimulator.DEMO_SHA_OUT,
                Map.of())).post("/callbacks/ogone").then().statusCode(200);
        String sips = started("patron-h1c", SipsPaymentTest.REGIE, 1800);
        given().contentType(ContentType.URLENC.withCharset("UTF-8")).body(sipsResponse(sipsData(SipsSimulator.DEMO_MERCHANT,
                gatewayRef(sips), "1800", "203", "HMAC-SHA-256"), SipsSimulator.DEMO_SECRET, "HMAC-SHA-256"))
                .post("/callbacks/sips").then().statusCode(200);
        for (String[] c : List.of(new String[]{ogone, "ogone"}, new String[]{sips, "sips"})) {
            assertEquals(Map.of("state", "PENDING", "flag", "CALLBACK_MISMATCH"), payment(c[0]), c[1]);
            String result = (String) TestRows.of("payment").one("select result from callback_inbox where gateway = ? and "
                    + "gateway_ref = ? and verified and processed_at is not null", c[1], gatewayRef(c[0])).get("result");
            assertTrue(result.startsWith("mismatch: signed for "), result);
        }
        // finance sees them among the payments that need a person
        List<String> flagged = Callers.finance().get("/payments/flagged").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.flag == 'CALLBACK_MISMATCH' }.id");
        assertTrue(flagged.containsAll(List.of(ogone, sips)), flagged.toString());
        // the same result for the right amount is applied: the mismatch held nothing up but itself
        given().contentType(OGONE_FORM).body(ogoneResult(gatewayRef(ogone), "9", "25", "EUR", OgoneSimulator.DEMO_SHA_OUT,
                Map.of())).post("/callbacks/ogone").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> citizen("patron-h1c").get("/payments/" + ogone)
                .then().body("state", equalTo("SETTLED")).body("flag", equalTo("CALLBACK_MISMATCH")));
    }

    @Test
    void L7_aSipsSealInAnotherAlgorithmThanTheRegiesIsRejected() {
        String paymentId = started("patron-l7", SipsPaymentTest.REGIE, 1200);
        String ref = gatewayRef(paymentId);
        // the régie seals with HMAC-SHA-256: the legacy SHA-256(Data + secret), named or implied, is refused
        for (String named : new String[]{"SHA-256", null}) {
            given().contentType(ContentType.URLENC.withCharset("UTF-8")).body(sipsResponse(sipsData(
                            SipsSimulator.DEMO_MERCHANT, ref, "1200", "978", named), SipsSimulator.DEMO_SECRET, "SHA-256"))
                    .post("/callbacks/sips").then().statusCode(401);
        }
        assertEquals("PENDING", payment(paymentId).get("state"));
        // the configured algorithm is accepted
        given().contentType(ContentType.URLENC.withCharset("UTF-8")).body(sipsResponse(sipsData(SipsSimulator.DEMO_MERCHANT,
                ref, "1200", "978", "HMAC-SHA-256"), SipsSimulator.DEMO_SECRET, "HMAC-SHA-256"))
                .post("/callbacks/sips").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals("SETTLED", payment(paymentId).get("state")));
    }

    @Test
    void H4_aLargeForgedCallbackIsRefusedUnreadAndASmallOneKeptAsABoundedSummary() {
        long before = TestRows.of("payment").scalar("select count(*) from callback_inbox");
        String big = "ORDERID=x&SHASIGN=" + "A".repeat(200 * 1024);
        given().contentType(OGONE_FORM).body(big).post("/callbacks/ogone").then().statusCode(413)
                .contentType("application/problem+json");
        assertEquals(before, TestRows.of("payment").scalar("select count(*) from callback_inbox"), "nothing recorded");

        String marker = UUID.randomUUID().toString();
        String forged = "ORDERID=" + marker + "&STATUS=9&SHASIGN=" + "B".repeat(40 * 1024);
        given().contentType(OGONE_FORM).header("X-Something-Else", "not kept").body(forged).post("/callbacks/ogone")
                .then().statusCode(401);
        Map<String, Object> row = TestRows.of("payment").one("select headers, body, result from callback_inbox "
                + "where body like ? and not verified", "ORDERID=" + marker + "%");
        String body = (String) row.get("body");
        assertEquals(forged.substring(0, 1024), body, "the first KiB only");
        assertTrue(((String) row.get("result")).contains(forged.length() + " bytes, sha256 " + sha256(forged)),
                (String) row.get("result"));
        assertTrue(((String) row.get("headers")).contains("Content-Type"), (String) row.get("headers"));
        assertFalse(((String) row.get("headers")).toLowerCase().contains("x-something-else"), (String) row.get("headers"));
    }

    @Test
    void H4_aChunkedBodyWithoutALengthIsRefusedUnreadOnCallbacksAndGatewayReturns() throws Exception {
        long before = TestRows.of("payment").scalar("select count(*) from callback_inbox");
        String paymentId = started("h4-chunked", SipsPaymentTest.REGIE, 1200);
        for (String path : List.of("/callbacks/ogone", "/payments/" + paymentId + "/return")) {
            HttpResponse<String> answer = chunkedPost(path, "ORDERID=x&SHASIGN=" + "C".repeat(100 * 1024));
            assertEquals(411, answer.statusCode(), path + ": " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
        }
        assertEquals(before, TestRows.of("payment").scalar("select count(*) from callback_inbox"), "nothing recorded");
        assertEquals("PENDING", payment(paymentId).get("state"));
        given().contentType(OGONE_FORM).body("x=" + "D".repeat(100 * 1024)).post("/payments/" + paymentId + "/return")
                .then().statusCode(413);
    }

    /** A POST whose body length is not known in advance: HTTP/1.1 sends it chunked, with no Content-Length. */
    static HttpResponse<String> chunkedPost(String path, String body) throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + RestAssured.port + path))
                .header("Content-Type", OGONE_FORM)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1))))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void H4_rejectedCallbacksArePurgedAfterTheirRetentionAndVerifiedOnesKept() {
        UUID oldRejected = UUID.randomUUID();
        UUID recentRejected = UUID.randomUUID();
        UUID oldVerified = UUID.randomUUID();
        String insert = "insert into callback_inbox (id, gateway, received_at, headers, body, verified, gateway_ref, "
                + "processed_at, result) values (?, 'ogone', now() - cast(? as interval), '{}', 'ORDERID=h4', ?, ?, ?, ?)";
        TestRows.of("payment").execute(insert, oldRejected, "8 days", false, null, null, "rejected: test");
        TestRows.of("payment").execute(insert, recentRejected, "6 days", false, null, null, "rejected: test");
        TestRows.of("payment").execute(insert, oldVerified, "30 days", true, "H4-REF",
                java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(30))), "SETTLED");
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> TestRows.of("payment").scalar(
                    "select count(*) from callback_inbox where id = ?", oldRejected) == 0);
            assertEquals(1L, TestRows.of("payment").scalar("select count(*) from callback_inbox where id = ?", recentRejected),
                    "a rejected callback within the retention (P7D) is kept");
            assertEquals(1L, TestRows.of("payment").scalar("select count(*) from callback_inbox where id = ?", oldVerified),
                    "a verified callback is never purged as rejected");
        } finally {
            TestRows.of("payment").execute("delete from callback_inbox where id in (?, ?)", recentRejected, oldVerified);
        }
    }

    @Test
    void M6_aCallbackForASettledMolliePaymentCausesNoGatewayLookup() {
        String paymentId = checkout("patron-m6a", MolliePaymentTest.REGIE, "EUR", 1100);
        MolliePaymentTest.choose(MolliePaymentTest.start("patron-m6a", paymentId), "paid");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("SETTLED", payment(paymentId).get("state")));
        String ref = gatewayRef(paymentId);
        String unprocessed = "select count(*) from callback_inbox where gateway = 'mollie' and gateway_ref = ? "
                + "and processed_at is null";
        await().atMost(Duration.ofSeconds(30)).until(() -> TestRows.of("payment").scalar(unprocessed, ref) == 0);
        int lookups = SimulatorResource.simulator.mollie.lookups(ref);

        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.URLENC).body("id=" + ref).post("/callbacks/mollie").then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TestRows.of("payment").scalar(unprocessed, ref) == 0);
        assertEquals(lookups, SimulatorResource.simulator.mollie.lookups(ref), "no look-up for a settled payment");
        assertEquals(List.of("SETTLED"), TestRows.of("payment").all("select distinct result from callback_inbox "
                + "where gateway = 'mollie' and gateway_ref = ?", ref).stream().map(r -> r.get("result")).toList());
        citizen("patron-m6a").get("/payments/" + paymentId).then().body("state", equalTo("SETTLED"))
                .body("flag", nullValue());
    }

    @Test
    void M6_theReturnPageAsksTheGatewayAboutAPaymentAtMostOncePerInterval() {
        String paymentId = checkout("patron-m6b", MolliePaymentTest.REGIE, "EUR", 1300);
        String page = MolliePaymentTest.start("patron-m6b", paymentId);
        String ref = page.substring(page.lastIndexOf('/') + 1);
        // out of the reconciler's way: only the return page asks about it here
        TestRows.of("payment").execute("update payment set next_lookup_at = now() + interval '1 hour' where id = ?",
                UUID.fromString(paymentId));
        int lookups = SimulatorResource.simulator.mollie.lookups(ref);
        for (int i = 0; i < 6; i++) {
            given().get("/payments/" + paymentId + "/return").then().statusCode(200);
        }
        assertEquals(lookups + 1, SimulatorResource.simulator.mollie.lookups(ref), "one look-up for six returns");
    }

    @Test
    void M6_callersBehindTheTrustedProxyAreRateLimitedByTheirOwnAddress() {
        // the test rule forwarded-probe allows a burst of 2 per client; 127.0.0.1 is the trusted proxy here
        for (int i = 0; i < 2; i++) {
            assertTrue(probe("203.0.113.7") != 429);
        }
        assertEquals(429, probe("203.0.113.7"), "the third from one client");
        assertTrue(probe("198.51.100.23") != 429, "another client behind the same proxy has its own bucket");
    }

    private static int probe(String client) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.URLENC).body("x=1")
                .post("/callbacks/forwarded-probe").statusCode();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
