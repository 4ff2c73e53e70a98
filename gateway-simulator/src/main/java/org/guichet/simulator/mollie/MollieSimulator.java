package org.guichet.simulator.mollie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.guichet.simulator.Http;
import org.guichet.simulator.Traps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Mollie Payments API v2 as the real one answers (docs/gateways.md): {@code POST /v2/payments} with a
 * Bearer test_/live_ key and {@code amount.value} as a decimal string, HAL JSON answers with
 * {@code _links.checkout.href}, {@code GET /v2/payments/{id}}, refunds, Idempotency-Key replay, and
 * a webhook that is a form POST of {@code id=tr_…} only — unsigned: the merchant must fetch the
 * payment back. The hosted page lets the tester pick the outcome, as Mollie's test mode does.
 * Mounted under {@code /mollie}.
 */
public final class MollieSimulator {
    static final Pattern KEY = Pattern.compile("^(test|live)_[A-Za-z0-9]{30}$");
    /** The API key the local suite's configuration uses. */
    public static final String DEMO_API_KEY = "test_guichetSimulatorKey00000000000";
    static final Pattern VALUE = Pattern.compile("^\\d{1,10}\\.\\d{2}$");
    static final Map<String, String> OUTCOMES = Map.of("paid", "paid", "failed", "failed", "canceled", "canceled",
            "expired", "expired");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String base;
    private final Traps traps;
    /** The accounts' API keys: a payment belongs to the key that created it, as at Mollie. */
    private final java.util.Set<String> apiKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectNode> payments = new ConcurrentHashMap<>();
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<String, Long> refunded = new ConcurrentHashMap<>();
    private final IdempotencyKeys idempotency = new IdempotencyKeys();
    public final AtomicInteger created = new AtomicInteger();
    public final AtomicInteger webhooksSent = new AtomicInteger();
    /** Status look-ups (GET of a payment): what a flood of replayed webhooks would cost a régie's API quota. */
    public final AtomicInteger lookups = new AtomicInteger();
    private final Map<String, AtomicInteger> lookupsOf = new ConcurrentHashMap<>();

    public MollieSimulator(String publicBase, Traps traps) {
        this.base = publicBase + "/mollie";
        this.traps = traps;
        register(DEMO_API_KEY);
        for (String key : System.getProperty("simulator.mollie.api-keys", "").split(",")) {
            if (!key.isBlank()) {
                register(key.trim());
            }
        }
    }

    /** Another account (a test_/live_ key of 30 characters); an unknown key is a 401, another account's payment a 404. */
    public void register(String apiKey) {
        if (!KEY.matcher(apiKey).matches()) {
            throw new IllegalArgumentException("a Mollie API key is test_ or live_ and 30 letters or digits");
        }
        apiKeys.add(apiKey);
    }

    public void mount(HttpServer server) {
        server.createContext("/mollie/v2/payments", this::api);
        server.createContext("/mollie/checkout/", this::checkout);
    }

    private void api(HttpExchange ex) throws IOException {
        try {
            Http.pause(traps.apiDelayMs);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String apiKey = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
            if (!apiKeys.contains(apiKey)) {
                error(ex, 401, "Unauthorized Request", "Missing authentication, or failed to authenticate", null);
                return;
            }
            String[] parts = ex.getRequestURI().getPath().substring("/mollie/v2/payments".length()).split("/");
            String method = ex.getRequestMethod();
            if (parts.length >= 2 && !apiKey.equals(owners.get(parts[1]))) {
                // another account's payment does not exist for this key
                error(ex, 404, "Not Found", "No payment exists with token " + parts[1] + ".", null);
            } else if (parts.length <= 1 && method.equals("POST")) {
                idempotency.answer(ex, apiKey + "/create", body -> create(apiKey, body));
            } else if (parts.length == 2 && method.equals("GET")) {
                lookups.incrementAndGet();
                lookupsOf.computeIfAbsent(parts[1], k -> new AtomicInteger()).incrementAndGet();
                ObjectNode p = payments.get(parts[1]);
                if (p == null) {
                    error(ex, 404, "Not Found", "No payment exists with token " + parts[1] + ".", null);
                } else {
                    Http.json(ex, 200, p);
                }
            } else if (parts.length == 3 && parts[2].equals("refunds") && method.equals("POST")) {
                idempotency.answer(ex, apiKey + "/refund:" + parts[1], body -> refund(parts[1], body));
            } else {
                error(ex, 404, "Not Found", "The resource does not exist", null);
            }
        } catch (RuntimeException e) {
            error(ex, 500, "Internal Server Error", e.toString(), null);
        }
    }


    record Answer(int status, Object body) {
    }

    private Answer create(String apiKey, String body) throws IOException {
        if (traps.failNextCreates.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return problem(503, "Service Unavailable", "Temporarily unavailable", null);
        }
        JsonNode in;
        try {
            in = Http.JSON.readTree(body);
        } catch (IOException e) {
            return problem(400, "Bad Request", "The request body is not valid JSON", null);
        }
        JsonNode amount = in.path("amount");
        if (!amount.path("currency").asText().matches("^[A-Z]{3}$")) {
            return problem(422, "Unprocessable Entity", "The amount currency is invalid", "amount.currency");
        }
        if (!VALUE.matcher(amount.path("value").asText()).matches() || !amount.path("value").isTextual()) {
            return problem(422, "Unprocessable Entity", "The amount contains an invalid value", "amount.value");
        }
        String description = in.path("description").asText("");
        if (description.isBlank() || description.length() > 255) {
            return problem(422, "Unprocessable Entity", "The description is invalid", "description");
        }
        if (!in.path("redirectUrl").asText().startsWith("http")) {
            return problem(422, "Unprocessable Entity", "The redirect URL is invalid", "redirectUrl");
        }
        String id = "tr_" + token(10);
        ObjectNode p = Http.JSON.createObjectNode();
        p.put("resource", "payment").put("id", id).put("mode", "test").put("status", "open");
        p.set("amount", amount);
        p.put("description", description).put("redirectUrl", in.path("redirectUrl").asText());
        if (in.hasNonNull("webhookUrl")) {
            p.put("webhookUrl", in.path("webhookUrl").asText());
        }
        if (in.has("metadata")) {
            p.set("metadata", in.get("metadata"));
        }
        Instant now = Instant.now();
        p.put("createdAt", now.toString()).put("expiresAt", now.plus(Duration.ofMinutes(15)).toString());
        ObjectNode links = p.putObject("_links");
        links.putObject("self").put("href", base + "/v2/payments/" + id).put("type", "application/hal+json");
        links.putObject("checkout").put("href", base + "/checkout/" + id).put("type", "text/html");
        owners.put(id, apiKey);
        payments.put(id, p);
        created.incrementAndGet();
        return new Answer(201, p);
    }

    private Answer refund(String paymentId, String body) throws IOException {
        ObjectNode p = payments.get(paymentId);
        if (p == null) {
            return problem(404, "Not Found", "No payment exists with token " + paymentId + ".", null);
        }
        if (!p.path("status").asText().equals("paid") || traps.refuseRefunds) {
            return problem(422, "Unprocessable Entity", "The payment cannot be refunded", null);
        }
        JsonNode in = Http.JSON.readTree(body);
        String value = in.path("amount").path("value").asText();
        if (!VALUE.matcher(value).matches()
                || !in.path("amount").path("currency").asText().equals(p.path("amount").path("currency").asText())) {
            return problem(422, "Unprocessable Entity", "The amount contains an invalid value", "amount.value");
        }
        long cents = cents(value);
        long total = cents(p.path("amount").path("value").asText());
        long already = refunded.getOrDefault(paymentId, 0L);
        if (already + cents > total) {
            return problem(422, "Unprocessable Entity", "The refund amount exceeds the amount remaining", "amount");
        }
        refunded.put(paymentId, already + cents);
        ObjectNode r = Http.JSON.createObjectNode();
        r.put("resource", "refund").put("id", "re_" + token(10)).put("paymentId", paymentId).put("status", "pending");
        r.set("amount", in.path("amount"));
        r.put("description", in.path("description").asText("")).put("createdAt", Instant.now().toString());
        p.putObject("amountRefunded").put("currency", p.path("amount").path("currency").asText())
                .put("value", String.format("%d.%02d", (already + cents) / 100, (already + cents) % 100));
        return new Answer(201, r);
    }

    /** The hosted page: pick paid, failed, canceled or expired; the webhook follows, the browser goes back. */
    private void checkout(HttpExchange ex) throws IOException {
        String id = ex.getRequestURI().getPath().substring("/mollie/checkout/".length());
        ObjectNode p = payments.get(id);
        if (p == null) {
            Http.send(ex, 404, "text/html; charset=utf-8", "<h1>Payment not found</h1>");
            return;
        }
        if (ex.getRequestMethod().equals("GET")) {
            StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Mollie test payment</title></head><body><h1>Test payment</h1><p>"
                    + Http.html(p.path("description").asText()) + " — " + p.path("amount").path("currency").asText()
                    + " " + p.path("amount").path("value").asText() + "</p><form method=\"post\">");
            for (String outcome : new String[]{"paid", "failed", "canceled", "expired"}) {
                page.append("<button type=\"submit\" name=\"status\" value=\"").append(outcome).append("\" id=\"")
                        .append(outcome).append("\">").append(outcome).append("</button>");
            }
            Http.send(ex, 200, "text/html; charset=utf-8", page.append("</form></body></html>").toString());
            return;
        }
        String outcome = OUTCOMES.get(Http.form(Http.body(ex), StandardCharsets.UTF_8).getOrDefault("status", ""));
        if (outcome == null) {
            Http.send(ex, 400, "text/html; charset=utf-8", "<h1>Pick a status</h1>");
            return;
        }
        decide(id, outcome);
        Http.redirect(ex, p.path("redirectUrl").asText());
    }

    /** Sets the outcome (once: a decided payment stays decided) and calls the webhook, as the traps say. */
    public void decide(String id, String outcome) {
        ObjectNode p = payments.get(id);
        synchronized (p) {
            if (!p.path("status").asText().equals("open")) {
                return;
            }
            p.put("status", outcome);
            if (outcome.equals("paid")) {
                p.put("paidAt", Instant.now().toString());
            }
        }
        String webhook = p.path("webhookUrl").asText(null);
        if (webhook == null || traps.dropCallbacks) {
            return;
        }
        int copies = Math.max(1, traps.callbackCopies);
        CompletableFuture.delayedExecutor(traps.callbackDelayMs, TimeUnit.MILLISECONDS).execute(() -> {
            for (int i = 0; i < copies; i++) {
                webhooksSent.incrementAndGet();
                Http.post(webhook, "application/x-www-form-urlencoded", "id=" + id);
            }
        });
    }

    /** How many times one payment's status was asked for. */
    public int lookups(String paymentId) {
        AtomicInteger n = lookupsOf.get(paymentId);
        return n == null ? 0 : n.get();
    }

    public int paymentsCreated() {
        return created.get();
    }

    private static Answer problem(int status, String title, String detail, String field) {
        ObjectNode e = Http.JSON.createObjectNode();
        e.put("status", status).put("title", title).put("detail", detail);
        if (field != null) {
            e.put("field", field);
        }
        e.putObject("_links").putObject("documentation").put("href", "https://docs.mollie.com/overview/handling-errors")
                .put("type", "text/html");
        return new Answer(status, e);
    }

    static void error(HttpExchange ex, int status, String title, String detail, String field) throws IOException {
        Http.json(ex, status, problem(status, title, detail, field).body());
    }

    static long cents(String value) {
        String[] parts = value.split("\\.");
        return Long.parseLong(parts[0]) * 100 + Long.parseLong(parts[1]);
    }

    private static String token(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }


}
