package org.guichet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.guichet.testing.DevTokens;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A Namur citizen pays a civil-status bill through Mollie — the régie's gateway account — against the
 * gateway simulator the suite runs: the hosted page at "Mollie", the unsigned webhook that makes
 * payment-service fetch the status back, and billing marking the bill paid.
 */
public final class MollieJourney {
    private final SuiteUrls urls;
    private final Consumer<String> out;

    public MollieJourney(SuiteUrls urls, Consumer<String> out) {
        this.urls = urls;
        this.out = out;
    }

    public void run() {
        String citizenId = "namur-" + UUID.randomUUID().toString().substring(0, 8);
        String agent = DevTokens.mint("agent-n", "ville-namur", "agent");
        String citizen = DevTokens.mint(citizenId, "ville-namur", "Élise Dubois", citizenId + "@example.be", "fr", 3600,
                "citizen");
        String bill = Journey.expect(Http.postJson(urls.billing() + "/invoices", agent, Map.of("accountId", citizenId,
                "amount", 1500, "currency", "EUR", "reason", "MANUAL", "description", "Copie d'acte de naissance"),
                Map.of()), 201, "Namur bill").json().path("id").asText();
        JsonNode payable = Journey.await("the bill is payable in the cart", () -> {
            for (JsonNode p : Journey.expect(Http.get(urls.cart() + "/payables", citizen), 200, "payables").json()) {
                if (p.path("refId").asText().equals(bill)) {
                    return p;
                }
            }
            return null;
        });
        Journey.expect(Http.postJson(urls.cart() + "/cart/items", citizen, Map.of("payableId", payable.path("id").asText()),
                Map.of()), 200, "add to cart");
        String paymentId = Journey.expect(Http.postJson(urls.cart() + "/cart/checkout", citizen, Map.of(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201, "checkout").json()
                .path("payments").path(0).path("paymentId").asText();
        Journey.await("payment-service has the payment", () -> {
            Http.Reply r = Http.get(urls.payment() + "/payments/" + paymentId, citizen);
            return r.status() == 200 ? r : null;
        });
        JsonNode started = Journey.expect(Http.postJson(urls.payment() + "/payments/" + paymentId + "/start", citizen, "",
                Map.of()), 200, "start the Mollie payment").json();
        String hostedPage = started.path("checkoutUrl").asText();
        if (!hostedPage.contains("/mollie/checkout/tr_")) {
            throw new JourneyFailure("not sent to Mollie's hosted page: " + hostedPage);
        }
        Http.Reply chosen = Http.postForm(hostedPage, "status=paid");
        if (chosen.status() != 303) {
            throw new JourneyFailure("Mollie's page answered " + chosen.status());
        }
        Journey.await("billing marks the Namur bill PAID", () -> {
            JsonNode i = Journey.expect(Http.get(urls.billing() + "/invoices/" + bill, citizen), 200, "bill").json();
            return i.path("state").asText().equals("PAID") ? i : null;
        });
        JsonNode history = Journey.expect(Http.get(urls.billing() + "/invoices/" + bill + "/history", citizen), 200,
                "history").json();
        step("M1 mollie   %s paid 15.00 EUR on Mollie's page %s; webhook → status fetched back → bill PAID by %s",
                started.path("reference").asText(), hostedPage, history.path(history.size() - 1).path("paymentMode").asText());
    }

    private void step(String format, Object... args) {
        out.accept(String.format(format, args));
    }
}
