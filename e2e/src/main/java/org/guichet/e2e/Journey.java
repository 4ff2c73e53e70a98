package org.guichet.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The walking skeleton's journey, over HTTP against a running suite: an agent bills a patron, the
 * patron pays it through the sandbox gateway's hosted page, and every service shows its part.
 * Each step prints what it saw; any deviation throws {@link JourneyFailure}.
 */
public final class Journey {
    static final String TENANT = "lib-kladno";
    static final String AGENTS_MAILBOX = "pokladna@knihovna-kladno.example";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final SuiteUrls urls;
    private final Consumer<String> out;

    /** What the journey produced, for callers that check more. */
    public record Result(String invoiceId, String checkoutId, String paymentId, String reference, String citizenEmail,
                         Identities.Identity citizen) {
    }

    private final Identities identities;

    public Journey(SuiteUrls urls, Consumer<String> out) {
        this(urls, out, new DevIdentities());
    }

    /** The same journey with tokens from {@code identities} (the development key, or Keycloak). */
    public Journey(SuiteUrls urls, Consumer<String> out, Identities identities) {
        this.urls = urls;
        this.out = out;
        this.identities = identities;
    }

    public Result run() {
        String username = "patron-" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@example.cz";
        String agent = identities.login("agent-7", TENANT, "agent").token();
        Identities.Identity patronLogin = identities.login(username, TENANT, "citizen", "Jana", "Nováková", email, "cs");
        String patron = patronLogin.subject();
        String citizen = patronLogin.token();
        String otherCitizen = identities.login("patron-other", TENANT, "citizen").token();
        String finance = identities.login("finance-1", TENANT, "finance").token();

        // 1. the agent bills the patron
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("accountId", patron);
        bill.put("amount", 5000);
        bill.put("currency", "CZK");
        bill.put("reason", "LATE_FEE");
        bill.put("description", "Late fee fixed at day 10");
        bill.put("item", Map.of("barcode", "31234000123", "title", "Babička"));
        Http.Reply created = expect(Http.postJson(urls.billing() + "/invoices", agent, bill, Map.of()), 201, "create invoice");
        String invoiceId = created.json().path("id").asText();
        step("1 billing   invoice %s %s for %s: 50.00 CZK, OPEN", created.json().path("number").asText(), invoiceId, patron);

        Map<String, Object> negative = new LinkedHashMap<>(bill);
        negative.put("amount", -5);
        expectProblem(Http.postJson(urls.billing() + "/invoices", agent, negative, Map.of()), 400, "negative amount");
        expectProblem(Http.postJson(urls.billing() + "/invoices", agent, "{\"accountId\":", Map.of()), 400, "malformed JSON");
        expectProblem(Http.get(urls.billing() + "/invoices/" + invoiceId, otherCitizen), 404, "another citizen's invoice");
        step("  billing   refused: negative amount (400), malformed JSON (400), another citizen's invoice (404)");

        // 2. the cart learned of it from InvoiceCreated; the patron checks out
        JsonNode payable = await("the invoice is payable in the cart", () -> {
            for (JsonNode p : expect(Http.get(urls.cart() + "/payables", citizen), 200, "payables").json()) {
                if (p.path("refId").asText().equals(invoiceId)) {
                    return p;
                }
            }
            return null;
        });
        expect(Http.postJson(urls.cart() + "/cart/items", citizen, Map.of("payableId", payable.path("id").asText()),
                Map.of()), 200, "add to cart");
        String key = UUID.randomUUID().toString();
        Http.Reply checkout = expect(Http.postJson(urls.cart() + "/cart/checkout", citizen, Map.of(),
                Map.of("Idempotency-Key", key)), 201, "checkout");
        Http.Reply replay = expect(Http.postJson(urls.cart() + "/cart/checkout", citizen, Map.of(),
                Map.of("Idempotency-Key", key)), 201, "checkout replay");
        if (!checkout.json().path("id").equals(replay.json().path("id"))) {
            throw new JourneyFailure("the same Idempotency-Key made a second checkout");
        }
        String checkoutId = checkout.json().path("id").asText();
        String paymentId = checkout.json().path("payments").path(0).path("paymentId").asText();
        step("2 cart      checkout %s → one payment %s for régie %s (replayed with the same key: same checkout)",
                checkoutId, paymentId, checkout.json().path("payments").path(0).path("regie").asText());

        // 3. payment-service made the payment from CartCheckedOut; the patron pays on the hosted page
        await("payment-service has the payment", () -> {
            Http.Reply r = Http.get(urls.payment() + "/payments/" + paymentId, citizen);
            return r.status() == 200 ? r : null;
        });
        Http.Reply started = expect(Http.postJson(urls.payment() + "/payments/" + paymentId + "/start", citizen, "",
                Map.of()), 200, "start payment");
        String hostedPage = started.json().path("checkoutUrl").asText();
        String reference = started.json().path("reference").asText();
        Http.Reply page = expect(Http.get(hostedPage, null), 200, "hosted page");
        if (!page.body().contains("id=\"pay\"")) {
            throw new JourneyFailure("the hosted page has no pay button");
        }
        Http.Reply forged = Http.postRaw(urls.payment() + "/callbacks/sandbox",
                "{\"id\":\"sbx_forged\",\"status\":\"paid\"}", Map.of("Content-Type", "application/json",
                        "Sandbox-Signature", "t=" + Instant.now().getEpochSecond() + ",v1=00"));
        expectProblem(forged, 401, "forged callback");
        Http.Reply afterForgery = expect(Http.get(urls.payment() + "/payments/" + paymentId, citizen), 200, "payment");
        if (!afterForgery.json().path("state").asText().equals("PENDING")) {
            throw new JourneyFailure("a forged callback changed the payment: " + afterForgery.body());
        }
        Http.Reply decided = Http.postForm(hostedPage, "decision=pay");
        if (decided.status() != 303) {
            throw new JourneyFailure("the hosted page answered " + decided.status() + " instead of a redirect");
        }
        Http.Reply returned = expect(Http.get(decided.header("Location"), null), 200, "return page");
        if (!returned.body().contains("data-state=\"SETTLED\"")) {
            throw new JourneyFailure("the return page does not show SETTLED: " + returned.body());
        }
        step("3 payment   %s paid on the sandbox page %s; forged callback refused (401); return page shows SETTLED",
                reference, hostedPage);

        // 4. billing applied PaymentSettled
        await("billing marks the invoice PAID", () -> {
            JsonNode i = expect(Http.get(urls.billing() + "/invoices/" + invoiceId, citizen), 200, "invoice").json();
            return i.path("state").asText().equals("PAID") ? i : null;
        });
        JsonNode history = expect(Http.get(urls.billing() + "/invoices/" + invoiceId + "/history", citizen), 200,
                "history").json();
        JsonNode payment = history.path(history.size() - 1);
        if (!payment.path("action").asText().equals("PAYMENT") || !payment.path("reference").asText().equals(reference)) {
            throw new JourneyFailure("the invoice history lacks the payment: " + history);
        }
        step("4 billing   invoice PAID; history: PAYMENT %d by %s, reference %s", payment.path("amount").asLong(),
                payment.path("paymentMode").asText(), reference);

        // 5. notification-service emailed the citizen and the régie's agents
        String receipt = await("the receipt reaches " + email, () -> mailWith(email, reference));
        String notice = await("the agents' notice reaches " + AGENTS_MAILBOX, () -> mailWith(AGENTS_MAILBOX, reference));
        step("5 email     to %s: \"%s\"; to %s: \"%s\"", email, receipt, AGENTS_MAILBOX, notice);

        // 6. reporting lists the transaction and exports it
        JsonNode line = await("reporting lists the settled transaction", () -> {
            JsonNode list = expect(Http.get(urls.reporting() + "/transactions?q=" + enc(reference), finance), 200,
                    "transactions").json();
            return list.size() == 1 && list.path(0).path("status").asText().equals("SETTLED") ? list.path(0) : null;
        });
        Http.Reply csv = expect(Http.get(urls.reporting() + "/transactions?q=" + enc("novakova"), finance, "text/csv"),
                200, "CSV export");
        if (!csv.contentType().startsWith("text/csv") || !csv.body().contains(reference)) {
            throw new JourneyFailure("the CSV export lacks " + reference);
        }
        step("6 reporting %s | %s | %s | %d %s | %s | accent-free search and CSV export find it", reference,
                line.path("date").asText(), line.path("citizenName").asText(), line.path("total").asLong(),
                line.path("currency").asText(), line.path("regie").asText());
        return new Result(invoiceId, checkoutId, paymentId, reference, email, patronLogin);
    }

    private String mailWith(String address, String reference) {
        return mailWith(urls, address, reference);
    }

    /** The subject of the first message in the mailbox whose subject contains {@code text}, or null. */
    static String mailWith(SuiteUrls urls, String address, String text) {
        Http.Reply r = Http.get(urls.mailbox() + "/api/user/" + enc(address) + "/messages/INBOX", null);
        if (r.status() != 200) {
            return null;
        }
        for (JsonNode m : r.json()) {
            if (m.path("subject").asText().contains(text)) {
                return m.path("subject").asText();
            }
        }
        return null;
    }

    private void step(String format, Object... args) {
        out.accept(String.format(format, args));
    }

    static Http.Reply expect(Http.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new JourneyFailure(what + ": expected HTTP " + status + ", got " + reply.status() + " " + reply.body());
        }
        return reply;
    }

    static void expectProblem(Http.Reply reply, int status, String what) {
        expect(reply, status, what);
        if (!reply.contentType().startsWith("application/problem+json")) {
            throw new JourneyFailure(what + ": expected a problem+json answer, got " + reply.contentType());
        }
    }

    static <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JourneyFailure("interrupted");
            }
        }
        throw new JourneyFailure("timed out after " + PATIENCE.toSeconds() + " s waiting until " + what);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
