package org.guichet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.guichet.testing.DevTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One citizen's bill paid end to end while the suite is being broken: billed by an agent, put in the cart,
 * checked out, paid on a gateway's hosted page, then PAID in billing. Like a patient client, each step is
 * tried again through refusals and outages (a money-moving POST with the same Idempotency-Key); what a
 * step answered with success is what the checks later hold the suite to.
 */
final class ChaosJourney {
    /** Which gateway the bill is paid through: Kladno's library régie (sandbox) or Namur's civil status (Mollie). */
    enum Gateway {
        SANDBOX("lib-kladno", "CZK", "decision=pay"),
        MOLLIE("ville-namur", "EUR", "status=paid");

        final String tenant;
        final String currency;
        final String payForm;

        Gateway(String tenant, String currency, String payForm) {
            this.tenant = tenant;
            this.currency = currency;
            this.payForm = payForm;
        }
    }

    /** A bill the suite acknowledged, and the payment that paid it. */
    record Bill(String citizen, String token, String email, String invoiceId, long amount, String currency,
                String paymentId) {
    }

    private final ChaosSuite suite;
    private final Duration patience;

    ChaosJourney(ChaosSuite suite, Duration patience) {
        this.suite = suite;
        this.patience = patience;
    }

    Bill pay(Gateway gateway, String run, int n, long amount) {
        String citizen = "chaos-" + run + "-" + n;
        String email = citizen + "@example.org";
        String agent = DevTokens.mint("agent-chaos", gateway.tenant, "agent");
        String token = DevTokens.mint(citizen, gateway.tenant, "Chaos Citizen " + n, email, "en", 7200, "citizen");
        SuiteUrls urls = suite.urls;

        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("accountId", citizen);
        bill.put("amount", amount);
        bill.put("currency", gateway.currency);
        bill.put("reason", "MANUAL");
        bill.put("description", "Chaos bill " + run + "-" + n);
        // billing's bills take no Idempotency-Key: a creation whose answer was lost is tried again and may
        // leave a second OPEN bill, which this journey does not pay; the checks hold only answered bills
        String invoiceId = persist("the agent bills " + citizen, () -> {
            Http.Reply r = Http.postJson(urls.billing() + "/invoices", agent, bill, Map.of());
            return r.status() == 201 ? r.json().path("id").asText() : null;
        });
        JsonNode payable = persist("the bill is payable in the cart", () -> {
            Http.Reply r = Http.get(urls.cart() + "/payables", token);
            if (r.status() != 200) {
                return null;
            }
            for (JsonNode p : r.json()) {
                if (p.path("refId").asText().equals(invoiceId)) {
                    return p;
                }
            }
            return null;
        });
        persist("the bill goes in the cart", () -> {
            Http.Reply r = Http.postJson(urls.cart() + "/cart/items", token,
                    Map.of("payableId", payable.path("id").asText()), Map.of());
            return r.status() == 200 || r.status() == 409 ? r : null;
        });
        String checkoutKey = UUID.randomUUID().toString();
        String paymentId = persist("the checkout", () -> {
            Http.Reply r = Http.postJson(urls.cart() + "/cart/checkout", token, Map.of(),
                    Map.of("Idempotency-Key", checkoutKey));
            return r.status() == 201 || r.status() == 200
                    ? r.json().path("payments").path(0).path("paymentId").asText(null) : null;
        });
        String hostedPage = persist("the payment starts at the gateway", () -> {
            Http.Reply r = Http.postJson(urls.payment() + "/payments/" + paymentId + "/start", token, "", Map.of());
            return r.status() == 200 ? r.json().path("checkoutUrl").asText(null) : null;
        });
        persist("the citizen pays on the hosted page", () -> {
            Http.Reply r = Http.postForm(hostedPage, gateway.payForm);
            if (r.status() == 303) {
                return r;
            }
            // the page may have taken the decision before failing to answer: the payment tells
            Http.Reply p = Http.get(urls.payment() + "/payments/" + paymentId, token);
            return p.status() == 200 && !p.json().path("state").asText().equals("PENDING") ? p : null;
        });
        persist("billing marks the bill PAID", () -> {
            Http.Reply r = Http.get(urls.billing() + "/invoices/" + invoiceId, token);
            return r.status() == 200 && r.json().path("state").asText().equals("PAID") ? r : null;
        });
        return new Bill(citizen, token, email, invoiceId, amount, gateway.currency, paymentId);
    }

    /** Tries a step until it gives a value: answers that are not the expected one and failed connections are tried again. */
    <T> T persist(String what, Supplier<T> step) {
        Instant deadline = Instant.now().plus(patience);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                T value = step.get();
                if (value != null) {
                    return value;
                }
            } catch (JourneyFailure e) {
                last = e.getMessage();
            }
            ChaosSuite.sleep(300);
        }
        throw new JourneyFailure("gave up after " + patience.toSeconds() + " s: " + what + " (last: " + last + ")");
    }
}
