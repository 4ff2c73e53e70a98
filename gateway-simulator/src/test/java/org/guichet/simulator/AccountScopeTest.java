package org.guichet.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.guichet.simulator.gopay.GoPaySimulator;
import org.guichet.simulator.mollie.MollieSimulator;
import org.guichet.simulator.ogone.OgoneSignature;
import org.guichet.simulator.ogone.OgoneSimulator;
import org.guichet.simulator.sips.SipsSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each gateway keeps what it holds per account, as the real ones do — a payment made with one
 * account's credentials does not exist for another valid account, and unknown credentials are refused.
 * So the payment-service tests prove that each régie's own credentials are the ones used.
 */
class AccountScopeTest {
    static final String OTHER_MOLLIE_KEY = "test_otherRegieKey00000000000000000";
    final HttpClient http = HttpClient.newHttpClient();
    GatewaySimulator simulator;

    @BeforeEach
    void start() throws Exception {
        simulator = new GatewaySimulator(0);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path));
    }

    static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&")));
    }

    @Test
    void mollie_a_payment_is_a_404_to_another_valid_key_and_an_unknown_key_is_a_401() throws Exception {
        simulator.mollie.register(OTHER_MOLLIE_KEY);
        String body = "{\"amount\":{\"currency\":\"EUR\",\"value\":\"10.00\"},\"description\":\"Acte\","
                + "\"redirectUrl\":\"http://127.0.0.1:1/back\"}";
        HttpResponse<String> created = send(to("/mollie/v2/payments").header("Authorization", "Bearer "
                + MollieSimulator.DEMO_API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, created.statusCode(), created.body());
        String id = Http.JSON.readTree(created.body()).path("id").asText();

        assertEquals(200, send(to("/mollie/v2/payments/" + id).header("Authorization", "Bearer "
                + MollieSimulator.DEMO_API_KEY)).statusCode());
        assertEquals(404, send(to("/mollie/v2/payments/" + id).header("Authorization", "Bearer "
                + OTHER_MOLLIE_KEY)).statusCode(), "another account's payment");
        assertEquals(404, send(to("/mollie/v2/payments/" + id + "/refunds").header("Authorization", "Bearer "
                + OTHER_MOLLIE_KEY).POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode());
        assertEquals(401, send(to("/mollie/v2/payments/" + id).header("Authorization",
                "Bearer test_wellFormedButUnknown0000000000")).statusCode(), "a well-formed key of no account");
        assertEquals(401, send(to("/mollie/v2/payments").header("Authorization",
                "Bearer test_wellFormedButUnknown0000000000").POST(HttpRequest.BodyPublishers.ofString(body))).statusCode());
    }

    String gopayToken(String clientId, String secret) throws Exception {
        HttpResponse<String> r = send(to("/gopay/api/oauth2/token").header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=payment-all")));
        return r.statusCode() == 200 ? Http.JSON.readTree(r.body()).path("access_token").asText() : "status " + r.statusCode();
    }

    @Test
    void gopay_a_payment_is_a_404_to_another_client_and_an_unknown_client_gets_no_token() throws Exception {
        simulator.gopay.register("2000000001", "otherSecret", 8200000001L);
        String demo = gopayToken(GoPaySimulator.DEMO_CLIENT_ID, GoPaySimulator.DEMO_CLIENT_SECRET);
        String other = gopayToken("2000000001", "otherSecret");
        String body = "{\"target\":{\"type\":\"ACCOUNT\",\"goid\":" + GoPaySimulator.DEMO_GOID + "},\"amount\":1000,"
                + "\"currency\":\"CZK\",\"order_number\":\"SLANY-1\",\"callback\":{\"return_url\":\"http://127.0.0.1:1/r\","
                + "\"notification_url\":\"http://127.0.0.1:1/n\"}}";
        HttpResponse<String> created = send(to("/gopay/api/payments/payment").header("Authorization", "Bearer " + demo)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, created.statusCode(), created.body());
        long id = Http.JSON.readTree(created.body()).path("id").asLong();
        assertEquals(409, send(to("/gopay/api/payments/payment").header("Authorization", "Bearer " + other)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))).statusCode(),
                "a payment to another merchant's GoID");

        assertEquals(200, send(to("/gopay/api/payments/payment/" + id).header("Authorization", "Bearer " + demo))
                .statusCode());
        assertEquals(404, send(to("/gopay/api/payments/payment/" + id).header("Authorization", "Bearer " + other))
                .statusCode(), "another client's payment");
        assertEquals(404, send(to("/gopay/api/payments/payment/" + id + "/refund").header("Authorization", "Bearer " + other)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("amount=100"))).statusCode());
        assertEquals("status 401", gopayToken("9999999999", "whatever"), "an unknown client");
        assertEquals("status 401", gopayToken(GoPaySimulator.DEMO_CLIENT_ID, "wrong"));
    }

    static final Pattern ORDER = Pattern.compile("name=\"ORDER\" value=\"([^\"]+)\"");
    static final Pattern PAYID = Pattern.compile("PAYID=\"(\\d+)\"");

    Map<String, String> directLink(String pspid, String user, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("PSPID", pspid);
        fields.put("USERID", user);
        fields.put("PSWD", password);
        return fields;
    }

    String ogone(String path, Map<String, String> fields) throws Exception {
        return send(to("/ogone/ncol/test/" + path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(fields))).body();
    }

    @Test
    void ogone_an_order_is_unknown_to_another_pspid_and_wrong_api_credentials_are_refused() throws Exception {
        simulator.ogone.register(new OgoneSimulator.Merchant("OTHERPSPID", "otherIn", "otherOut", "SHA-256", "otherapi",
                "otherPass", null));
        Map<String, String> order = new LinkedHashMap<>();
        order.put("PSPID", OgoneSimulator.DEMO_PSPID);
        order.put("ORDERID", "NAMUR-000001");
        order.put("AMOUNT", "1500");
        order.put("CURRENCY", "EUR");
        order.put("ACCEPTURL", "http://127.0.0.1:1/back");
        order.put("SHASIGN", OgoneSignature.sign(order, null, OgoneSimulator.DEMO_SHA_IN, "SHA-256"));
        Matcher key = ORDER.matcher(ogone("orderstandard.asp", order));
        assertTrue(key.find());
        HttpResponse<String> decided = send(to("/ogone/ncol/test/decide.asp")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("ORDER", key.group(1).replace("&amp;", "&"), "OUTCOME", "accept"))));
        assertEquals(303, decided.statusCode());

        Map<String, String> mine = directLink(OgoneSimulator.DEMO_PSPID, OgoneSimulator.DEMO_USER,
                OgoneSimulator.DEMO_PASSWORD);
        mine.put("ORDERID", "NAMUR-000001");
        String found = ogone("querydirect.asp", mine);
        assertTrue(found.contains("NCERROR=\"0\"") && found.contains("STATUS=\"9\""), found);
        Matcher payId = PAYID.matcher(found);
        assertTrue(payId.find());

        Map<String, String> theirs = directLink("OTHERPSPID", "otherapi", "otherPass");
        theirs.put("ORDERID", "NAMUR-000001");
        assertTrue(ogone("querydirect.asp", theirs).contains("NCERROR=\"50001130\""), "unknown to another PSPID");
        Map<String, String> refund = directLink("OTHERPSPID", "otherapi", "otherPass");
        refund.put("PAYID", payId.group(1));
        refund.put("AMOUNT", "100");
        refund.put("OPERATION", "RFD");
        refund.put("SHASIGN", OgoneSignature.sign(refund, null, "otherIn", "SHA-256"));
        assertTrue(ogone("maintenancedirect.asp", refund).contains("NCERROR=\"50001127\""),
                "another PSPID cannot refund the order by its PAYID");
        Map<String, String> wrong = directLink(OgoneSimulator.DEMO_PSPID, OgoneSimulator.DEMO_USER, "wrong");
        wrong.put("ORDERID", "NAMUR-000001");
        assertTrue(ogone("querydirect.asp", wrong).contains("NCERROR=\"50001111\""), "wrong API password");
    }

    JsonNode office(String merchantId, String secret, String reference) throws Exception {
        ObjectNode request = Http.JSON.createObjectNode().put("interfaceVersion", "DR_WS_2.20")
                .put("merchantId", merchantId).put("keyVersion", 1).put("transactionReference", reference);
        request.put("seal", SipsSimulator.officeSeal(request, secret));
        return Http.JSON.readTree(send(to("/sips/rs-services/v2/diagnostic/getTransactionData")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(request)))).body());
    }

    @Test
    void sips_a_transaction_is_unknown_to_another_merchant_and_an_unknown_merchant_is_refused() throws Exception {
        simulator.sips.register("002001000000002", "002001000000002_KEY1", 1);
        String data = "amount=1800|currencyCode=978|merchantId=" + SipsSimulator.DEMO_MERCHANT
                + "|normalReturnUrl=http://127.0.0.1:1/back|transactionReference=NAMUR000001|keyVersion=1"
                + "|orderChannel=INTERNET|sealAlgorithm=HMAC-SHA-256";
        String page = send(to("/sips/paymentInit").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("Data", data, "Seal", SipsSimulator.seal(data, SipsSimulator.DEMO_SECRET,
                        "HMAC-SHA-256"), "InterfaceVersion", "HP_2.20")))).body();
        assertTrue(page.contains("NAMUR000001") && !page.contains("error"), page);

        assertEquals("00", office(SipsSimulator.DEMO_MERCHANT, SipsSimulator.DEMO_SECRET, "NAMUR000001")
                .path("responseCode").asText());
        assertEquals("25", office("002001000000002", "002001000000002_KEY1", "NAMUR000001")
                .path("responseCode").asText(), "unknown to another merchant");
        assertEquals("34", office("002001000000009", "guessed", "NAMUR000001").path("responseCode").asText(),
                "an unknown merchant");
        assertEquals("34", office(SipsSimulator.DEMO_MERCHANT, "002001000000002_KEY1", "NAMUR000001")
                .path("responseCode").asText(), "sealed with another merchant's key");
    }
}
