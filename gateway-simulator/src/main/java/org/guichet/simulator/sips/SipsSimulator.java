package org.guichet.simulator.sips;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.guichet.simulator.Http;
import org.guichet.simulator.Traps;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Worldline Sips 2.0 Paypage POST (docs/gateways.md) under {@code /sips}: the browser form-POSTs
 * {@code Data} ({@code key=value|…}), {@code Seal} and {@code InterfaceVersion} to
 * {@code /paymentInit}; the seal is HMAC-SHA-256 of Data (sealAlgorithm=HMAC-SHA-256) or the legacy
 * SHA-256 of Data + secret, both checked. The same signed result goes twice: the manual response,
 * a form the browser posts to normalReturnUrl (may never come), and the automatic response,
 * server-to-server to automaticResponseUrl. A transactionReference used twice answers 94. The Office
 * JSON services (diagnostic getTransactionData, cashManagement refund) are sealed over the values
 * sorted by key.
 */
public final class SipsSimulator {
    public static final String DEMO_MERCHANT = "002001000000001";
    public static final String DEMO_SECRET = "002001000000001_KEY1";
    public static final int DEMO_KEY_VERSION = 1;
    static final Map<String, String> OUTCOMES = Map.of("accept", "00", "refuse", "05", "cancel", "17",
            "pending", "60", "timeout", "97", "unknown", "99");

    record Merchant(String id, String secret, int keyVersion) {
    }

    static final class Transaction {
        final Map<String, String> data;
        volatile String responseCode;
        volatile long refunded;

        Transaction(Map<String, String> data) {
            this.data = data;
        }
    }

    private final Traps traps;
    private final Map<String, Merchant> merchants = new ConcurrentHashMap<>();
    private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
    public final AtomicInteger created = new AtomicInteger();
    public final AtomicInteger automaticResponses = new AtomicInteger();

    public SipsSimulator(Traps traps) {
        this.traps = traps;
        merchants.put(DEMO_MERCHANT, new Merchant(DEMO_MERCHANT, DEMO_SECRET, DEMO_KEY_VERSION));
    }

    /** Another merchant: its transactions are its own (another merchant's reference is unknown, 25). */
    public void register(String merchantId, String secret, int keyVersion) {
        merchants.put(merchantId, new Merchant(merchantId, secret, keyVersion));
    }

    public void mount(HttpServer server) {
        server.createContext("/sips/paymentInit", this::init);
        server.createContext("/sips/decide", this::decide);
        server.createContext("/sips/rs-services/v2/diagnostic/getTransactionData", this::diagnostic);
        server.createContext("/sips/rs-services/v2/cashManagement/refund", this::refund);
    }

    /** Parses {@code key=value|key=value}. */
    public static Map<String, String> data(String data) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : data.split("\\|")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return values;
    }

    /** The Paypage seal: HMAC-SHA-256 of Data with the secret, or the legacy SHA-256 of Data + secret. */
    public static String seal(String data, String secret, String algorithm) {
        try {
            if ("HMAC-SHA-256".equals(algorithm)) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((data + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void init(HttpExchange ex) throws IOException {
        Map<String, String> form = Http.form(Http.body(ex), StandardCharsets.UTF_8);
        String rawData = form.getOrDefault("Data", "");
        Map<String, String> d = data(rawData);
        Merchant m = merchants.get(d.getOrDefault("merchantId", ""));
        String algorithm = d.getOrDefault("sealAlgorithm", "SHA-256");
        if (m == null || !String.valueOf(m.keyVersion()).equals(d.get("keyVersion"))
                || !seal(rawData, m.secret(), algorithm).equals(form.getOrDefault("Seal", ""))) {
            Http.send(ex, 200, "text/html; charset=utf-8", "<h1>Erreur</h1><p id=\"error\">34 — seal invalide</p>");
            return;
        }
        if (!d.getOrDefault("amount", "").matches("\\d+") || d.get("transactionReference") == null
                || d.get("normalReturnUrl") == null) {
            Http.send(ex, 200, "text/html; charset=utf-8", "<h1>Erreur</h1><p id=\"error\">30 — format</p>");
            return;
        }
        String key = m.id() + "/" + d.get("transactionReference");
        Transaction existing = transactions.get(key);
        if (existing != null && existing.responseCode != null) {
            Transaction duplicate = new Transaction(d);
            duplicate.responseCode = "94";
            Http.send(ex, 200, "text/html; charset=utf-8", manualResponse(duplicate, m));
            return;
        }
        transactions.computeIfAbsent(key, k -> {
            created.incrementAndGet();
            return new Transaction(d);
        });
        StringBuilder page = new StringBuilder("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<title>Sips Paypage</title></head><body><h1>" + Http.html(d.get("transactionReference")) + "</h1><p>"
                + d.get("amount") + " (" + d.get("currencyCode") + ")</p><form method=\"post\" action=\"decide\">"
                + "<input type=\"hidden\" name=\"transaction\" value=\"" + Http.html(key) + "\">");
        for (String outcome : new String[]{"accept", "refuse", "cancel", "pending", "timeout", "unknown"}) {
            page.append("<button type=\"submit\" name=\"outcome\" value=\"").append(outcome).append("\" id=\"")
                    .append(outcome).append("\">").append(outcome).append("</button>");
        }
        Http.send(ex, 200, "text/html; charset=utf-8", page.append("</form></body></html>").toString());
    }

    private void decide(HttpExchange ex) throws IOException {
        Map<String, String> form = Http.form(Http.body(ex), StandardCharsets.UTF_8);
        Transaction t = transactions.get(form.getOrDefault("transaction", ""));
        String code = OUTCOMES.get(form.getOrDefault("outcome", ""));
        if (t == null || code == null) {
            Http.send(ex, 400, "text/plain", "unknown transaction or outcome");
            return;
        }
        if (t.responseCode == null || t.responseCode.equals("60")) {
            t.responseCode = code;
        }
        Merchant m = merchants.get(t.data.get("merchantId"));
        String automatic = t.data.get("automaticResponseUrl");
        if (automatic != null && !traps.dropCallbacks) {
            Map<String, String> fields = response(t, m);
            String body = form(fields);
            int copies = Math.max(1, traps.callbackCopies);
            CompletableFuture.delayedExecutor(traps.callbackDelayMs, TimeUnit.MILLISECONDS).execute(() -> {
                for (int i = 0; i < copies; i++) {
                    automaticResponses.incrementAndGet();
                    Http.post(automatic, "application/x-www-form-urlencoded", body);
                }
            });
        }
        Http.send(ex, 200, "text/html; charset=utf-8", manualResponse(t, m));
    }

    /** The manual response: a page whose form the browser posts to normalReturnUrl. */
    private String manualResponse(Transaction t, Merchant m) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Retour</title>"
                + "</head><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\""
                + Http.html(t.data.get("normalReturnUrl")) + "\">");
        response(t, m).forEach((k, v) -> html.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"")
                .append(Http.html(v)).append("\">"));
        return html.append("<button type=\"submit\" id=\"back\">Retour au site</button></form></body></html>").toString();
    }

    private Map<String, String> response(Transaction t, Merchant m) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("merchantId", m.id());
        d.put("transactionReference", t.data.get("transactionReference"));
        d.put("amount", t.data.get("amount"));
        d.put("currencyCode", t.data.get("currencyCode"));
        d.put("responseCode", t.responseCode);
        d.put("acquirerResponseCode", t.responseCode.equals("00") ? "00" : "05");
        d.put("authorisationId", t.responseCode.equals("00") ? "123456" : "");
        d.put("transactionDateTime", OffsetDateTime.now(ZoneOffset.UTC).toString());
        d.put("keyVersion", String.valueOf(m.keyVersion()));
        d.put("orderChannel", t.data.getOrDefault("orderChannel", "INTERNET"));
        d.put("paymentMeanBrand", "VISA");
        d.put("maskedPan", "4100##########00");
        String algorithm = t.data.getOrDefault("sealAlgorithm", "SHA-256");
        d.put("sealAlgorithm", algorithm);
        StringBuilder data = new StringBuilder();
        d.forEach((k, v) -> data.append(data.length() == 0 ? "" : "|").append(k).append('=').append(v));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Data", data.toString());
        fields.put("Seal", seal(data.toString(), m.secret(), algorithm));
        fields.put("InterfaceVersion", "HP_2.20");
        fields.put("Encode", "");
        return fields;
    }

    /** Office (JSON) seal: HMAC-SHA-256 over the values sorted by key, keyVersion and seal left out. */
    public static String officeSeal(JsonNode request, String secret) {
        Map<String, String> sorted = new TreeMap<>();
        request.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("seal") && !e.getKey().equals("keyVersion") && !e.getKey().equals("sealAlgorithm")) {
                sorted.put(e.getKey(), e.getValue().asText());
            }
        });
        return seal(String.join("", sorted.values()), secret, "HMAC-SHA-256");
    }

    private void diagnostic(HttpExchange ex) throws IOException {
        JsonNode in = Http.JSON.readTree(Http.body(ex));
        Merchant m = office(ex, in);
        if (m == null) {
            return;
        }
        Transaction t = transactions.get(m.id() + "/" + in.path("transactionReference").asText());
        ObjectNode out = Http.JSON.createObjectNode();
        if (t == null) {
            out.put("responseCode", "25");              // transaction not found
        } else {
            out.put("responseCode", "00").put("transactionReference", t.data.get("transactionReference"))
                    .put("amount", Long.parseLong(t.data.get("amount")))
                    .put("transactionStatus", status(t)).put("lastResponseCode", t.responseCode == null ? "" : t.responseCode);
        }
        out.put("seal", officeSeal(out, m.secret()));
        Http.send(ex, 200, "application/json", Http.JSON.writeValueAsString(out));
    }

    private void refund(HttpExchange ex) throws IOException {
        JsonNode in = Http.JSON.readTree(Http.body(ex));
        Merchant m = office(ex, in);
        if (m == null) {
            return;
        }
        Transaction t = transactions.get(m.id() + "/" + in.path("transactionReference").asText());
        long amount = in.path("operationAmount").asLong(-1);
        ObjectNode out = Http.JSON.createObjectNode();
        if (t == null) {
            out.put("responseCode", "25");
        } else {
            synchronized (t) {
                if (!"00".equals(t.responseCode) || amount <= 0 || t.refunded + amount > Long.parseLong(t.data.get("amount"))) {
                    out.put("responseCode", "24");      // operation impossible
                } else {
                    t.refunded += amount;
                    out.put("responseCode", "00").put("newStatus", t.refunded == Long.parseLong(t.data.get("amount"))
                            ? "REFUNDED" : "CAPTURED").put("operationAmount", amount);
                }
            }
        }
        out.put("seal", officeSeal(out, m.secret()));
        Http.send(ex, 200, "application/json", Http.JSON.writeValueAsString(out));
    }

    private Merchant office(HttpExchange ex, JsonNode in) throws IOException {
        Merchant m = merchants.get(in.path("merchantId").asText());
        if (m == null || !officeSeal(in, m.secret()).equals(in.path("seal").asText())) {
            Http.send(ex, 200, "application/json", "{\"responseCode\":\"34\"}");
            return null;
        }
        return m;
    }

    private static String status(Transaction t) {
        if (t.responseCode == null) {
            return "UNDER_AUTHORISATION_REQUEST";
        }
        return switch (t.responseCode) {
            case "00" -> t.refunded > 0 ? "CREDITED" : "CAPTURED";
            case "17" -> "CANCELLED";
            case "60" -> "TO_AUTHORIZE";
            case "97" -> "EXPIRED";
            case "99", "90" -> "UNKNOWN";
            default -> "REFUSED";
        };
    }

    private static String form(Map<String, String> fields) {
        StringBuilder s = new StringBuilder();
        fields.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return s.toString();
    }

    public int transactionsCreated() {
        return created.get();
    }
}
