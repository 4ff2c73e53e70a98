package org.guichet.simulator.gopay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.guichet.simulator.Http;
import org.guichet.simulator.Traps;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GoPay REST (docs/gateways.md) under {@code /gopay/api}: OAuth2 client credentials
 * ({@code POST /oauth2/token}, HTTP Basic, scopes payment-create and payment-all, tokens for 1800 s),
 * {@code POST /payments/payment} (amount in cents, {@code target.goid}, callback URLs) answering
 * {@code id} and {@code gw_url}, {@code GET /payments/payment/{id}}, refunds
 * ({@code POST /payments/payment/{id}/refund}, form {@code amount}). The notification is an HTTP
 * <b>GET</b> of {@code notification_url?id=…} on each state change, unsigned; the browser goes back
 * to {@code return_url?id=…}. Merchants: {@link #register}, one built in for the local suite.
 */
public final class GoPaySimulator {
    /** The merchant the local suite's configuration uses. */
    public static final String DEMO_CLIENT_ID = "1061399163";
    public static final String DEMO_CLIENT_SECRET = "stDTmVXF";
    public static final long DEMO_GOID = 8123456789L;
    static final Map<String, String> OUTCOMES = Map.of("paid", "PAID", "canceled", "CANCELED", "timeouted", "TIMEOUTED");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Merchant(String clientId, String secret, long goid) {
    }

    record Token(String clientId, String scope, Instant expires) {
    }

    private final String base;
    private final Traps traps;
    private final Map<String, Merchant> merchants = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<Long, ObjectNode> payments = new ConcurrentHashMap<>();
    /**
     * GoPay never gives a payment id twice, so a merchant may keep them unique; neither does the simulator
     * when restarted (a suite's database outlives it): ids start from the clock, a thousand per millisecond.
     */
    private static final AtomicLong IDS = new AtomicLong(firstId(System.currentTimeMillis()));
    public final AtomicInteger created = new AtomicInteger();
    public final AtomicInteger notificationsSent = new AtomicInteger();

    public GoPaySimulator(String publicBase, Traps traps) {
        this.base = publicBase + "/gopay";
        this.traps = traps;
        register(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_GOID);
    }

    public void register(String clientId, String secret, long goid) {
        merchants.put(clientId, new Merchant(clientId, secret, goid));
    }

    public void mount(HttpServer server) {
        server.createContext("/gopay/api/oauth2/token", this::token);
        server.createContext("/gopay/api/payments/payment", this::api);
        server.createContext("/gopay/gw/", this::gateway);
    }

    private void token(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Merchant m = null;
        if (auth != null && auth.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            Merchant candidate = merchants.get(pair[0]);
            if (candidate != null && pair.length == 2 && candidate.secret().equals(pair[1])) {
                m = candidate;
            }
        }
        Map<String, String> form = Http.form(Http.body(ex), StandardCharsets.UTF_8);
        if (m == null) {
            error(ex, 401, 202, "AUTH_WRONG_CREDENTIALS", "Wrong credentials");
            return;
        }
        if (!"client_credentials".equals(form.get("grant_type"))
                || !(form.get("scope") != null && form.get("scope").matches("payment-create|payment-all"))) {
            error(ex, 400, 111, "WRONG_VALUE", "grant_type client_credentials and scope payment-create|payment-all");
            return;
        }
        String token = "AAAA" + HexFormat.of().formatHex(bytes(20));
        tokens.put(token, new Token(m.clientId(), form.get("scope"), Instant.now().plusSeconds(1800)));
        Http.send(ex, 200, "application/json", Http.JSON.writeValueAsString(Map.of("token_type", "bearer",
                "access_token", token, "expires_in", 1800)));
    }

    private void api(HttpExchange ex) throws IOException {
        Http.pause(traps.apiDelayMs);
        Token token = bearer(ex);
        if (token == null) {
            error(ex, 403, 203, "AUTH_WRONG_TOKEN", "Wrong or expired token");
            return;
        }
        String rest = ex.getRequestURI().getPath().substring("/gopay/api/payments/payment".length());
        String method = ex.getRequestMethod();
        if (rest.isEmpty() && method.equals("POST")) {
            create(ex, token);
            return;
        }
        String[] parts = rest.split("/");
        ObjectNode p = parts.length >= 2 && parts[1].matches("\\d+") ? payments.get(Long.parseLong(parts[1])) : null;
        if (p == null || p.path("target").path("goid").asLong() != merchants.get(token.clientId()).goid()) {
            error(ex, 404, 500, "PAYMENT_NOT_FOUND", "Payment not found");
        } else if (parts.length == 2 && method.equals("GET")) {
            Http.send(ex, 200, "application/json", Http.JSON.writeValueAsString(p));
        } else if (parts.length == 3 && parts[2].equals("refund") && method.equals("POST")) {
            refund(ex, p);
        } else {
            error(ex, 404, 500, "NOT_FOUND", "Unknown operation");
        }
    }

    private void create(HttpExchange ex, Token token) throws IOException {
        if (!token.scope().equals("payment-create") && !token.scope().equals("payment-all")) {
            error(ex, 403, 203, "AUTH_WRONG_SCOPE", "The token's scope does not allow creating payments");
            return;
        }
        if (traps.failNextCreates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            error(ex, 503, 100, "SYSTEM_ERROR", "Temporarily unavailable");
            return;
        }
        JsonNode in = Http.JSON.readTree(Http.body(ex));
        Merchant m = merchants.get(token.clientId());
        if (in.path("target").path("goid").asLong() != m.goid() || !"ACCOUNT".equals(in.path("target").path("type").asText())) {
            error(ex, 409, 110, "WRONG_GOID", "target.goid does not belong to this client");
            return;
        }
        if (!in.path("amount").isIntegralNumber() || in.path("amount").asLong() <= 0) {
            error(ex, 409, 111, "WRONG_VALUE", "amount is a positive whole number of cents");
            return;
        }
        if (!in.path("callback").path("return_url").asText().startsWith("http")
                || !in.path("callback").path("notification_url").asText().startsWith("http")) {
            error(ex, 409, 110, "MISSING_VALUE", "callback.return_url and callback.notification_url are required");
            return;
        }
        long id = IDS.incrementAndGet();
        ObjectNode p = Http.JSON.createObjectNode();
        p.put("id", id).put("order_number", in.path("order_number").asText()).put("state", "CREATED")
                .put("amount", in.path("amount").asLong()).put("currency", in.path("currency").asText("CZK"));
        p.set("target", in.path("target"));
        p.put("lang", in.path("lang").asText("CS"));
        p.set("callback", in.path("callback"));
        p.put("gw_url", base + "/gw/" + id);
        payments.put(id, p);
        created.incrementAndGet();
        Http.send(ex, 200, "application/json", Http.JSON.writeValueAsString(p));
    }

    private void refund(HttpExchange ex, ObjectNode p) throws IOException {
        long amount;
        try {
            amount = Long.parseLong(Http.form(Http.body(ex), StandardCharsets.UTF_8).getOrDefault("amount", ""));
        } catch (NumberFormatException e) {
            error(ex, 409, 111, "WRONG_VALUE", "amount is a whole number of cents");
            return;
        }
        synchronized (p) {
            long refunded = p.path("refunded").asLong(0);
            String state = p.path("state").asText();
            boolean refundable = state.equals("PAID") || state.equals("PARTIALLY_REFUNDED");
            if (!refundable || amount <= 0 || refunded + amount > p.path("amount").asLong()) {
                Http.send(ex, 200, "application/json", Http.JSON.writeValueAsString(Map.of("id", p.path("id").asLong(),
                        "result", "FAILED")));
                return;
            }
            p.put("refunded", refunded + amount);
            p.put("state", refunded + amount == p.path("amount").asLong() ? "REFUNDED" : "PARTIALLY_REFUNDED");
        }
        notifyMerchant(p);
        Http.send(ex, 200, "application/json", Http.JSON.writeValueAsString(Map.of("id", p.path("id").asLong(),
                "result", "FINISHED")));
    }

    /** The payment gateway page: choose paid, canceled or timeouted. */
    private void gateway(HttpExchange ex) throws IOException {
        String raw = ex.getRequestURI().getPath().substring("/gopay/gw/".length());
        ObjectNode p = raw.matches("\\d+") ? payments.get(Long.parseLong(raw)) : null;
        if (p == null) {
            Http.send(ex, 404, "text/html; charset=utf-8", "<h1>Platba nenalezena</h1>");
            return;
        }
        if (ex.getRequestMethod().equals("GET")) {
            StringBuilder page = new StringBuilder("<!doctype html><html lang=\"cs\"><head><meta charset=\"utf-8\">"
                    + "<title>GoPay platební brána</title></head><body><h1>Platba " + p.path("id").asLong() + "</h1><p>"
                    + p.path("amount").asLong() / 100 + "," + String.format("%02d", p.path("amount").asLong() % 100) + " "
                    + Http.html(p.path("currency").asText()) + "</p><form method=\"post\">");
            for (String outcome : new String[]{"paid", "canceled", "timeouted"}) {
                page.append("<button type=\"submit\" name=\"state\" value=\"").append(outcome).append("\" id=\"")
                        .append(outcome).append("\">").append(outcome).append("</button>");
            }
            Http.send(ex, 200, "text/html; charset=utf-8", page.append("</form></body></html>").toString());
            return;
        }
        String outcome = OUTCOMES.get(Http.form(Http.body(ex), StandardCharsets.UTF_8).getOrDefault("state", ""));
        if (outcome == null) {
            Http.send(ex, 400, "text/html; charset=utf-8", "<h1>Vyberte stav</h1>");
            return;
        }
        decide(p.path("id").asLong(), outcome);
        Http.redirect(ex, p.path("callback").path("return_url").asText() + "?id=" + p.path("id").asLong());
    }

    /** Sets the outcome once and sends the notification, as the traps say. */
    public void decide(long id, String state) {
        ObjectNode p = payments.get(id);
        synchronized (p) {
            if (!p.path("state").asText().equals("CREATED")) {
                return;
            }
            p.put("state", state);
        }
        notifyMerchant(p);
    }

    /** GoPay's notification: an HTTP GET of notification_url?id=…, nothing else. */
    private void notifyMerchant(ObjectNode p) {
        if (traps.dropCallbacks) {
            return;
        }
        String url = p.path("callback").path("notification_url").asText() + "?id=" + p.path("id").asLong();
        int copies = Math.max(1, traps.callbackCopies);
        CompletableFuture.delayedExecutor(traps.callbackDelayMs, TimeUnit.MILLISECONDS).execute(() -> {
            for (int i = 0; i < copies; i++) {
                notificationsSent.incrementAndGet();
                CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        });
    }

    static long firstId(long epochMillis) {
        return 3_000_000_000L + epochMillis * 1000;
    }

    public int paymentsCreated() {
        return created.get();
    }

    private Token bearer(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return null;
        }
        Token t = tokens.get(auth.substring(7));
        return t == null || t.expires().isBefore(Instant.now()) ? null : t;
    }

    private static void error(HttpExchange ex, int status, int code, String name, String message) throws IOException {
        Http.send(ex, status, "application/json", Http.JSON.writeValueAsString(Map.of("date_issued",
                Instant.now().toEpochMilli(), "errors", java.util.List.of(Map.of("scope", "G", "error_code", code,
                        "error_name", name, "message", message)))));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

}
