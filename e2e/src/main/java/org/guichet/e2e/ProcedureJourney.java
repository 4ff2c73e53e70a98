package org.guichet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.guichet.testing.DevTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The municipal e-counter (R18–R22) across the suite: Namur's admin sets up the civil-status régie and
 * a priced procedure; a citizen is quoted, submits, pays through Mollie; the agents see the request and
 * are emailed only then; an agent refuses it with a reason; the citizen is told and refunded through Mollie.
 */
public final class ProcedureJourney {
    private final SuiteUrls urls;
    private final Consumer<String> out;

    public ProcedureJourney(SuiteUrls urls, Consumer<String> out) {
        this.urls = urls;
        this.out = out;
    }

    public void run() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String agents = "etat-civil-" + suffix + "@namur.example";
        String citizenId = "c-" + suffix;
        String email = citizenId + "@example.be";
        String admin = DevTokens.mint("admin-n", "ville-namur", "admin");
        String agent = DevTokens.mint("agent-ec", "ville-namur", "agent");
        String citizen = DevTokens.mint(citizenId, "ville-namur", "Élise Dubois", email, "fr", 3600, "citizen");

        // P1 the admin's régie and procedure; the citizen's quote and request
        Journey.expect(Http.putJson(urls.cart() + "/regies/namur-etat-civil", admin, Map.of("name", "État civil",
                "accountingCode", "70/161-01", "cartMode", "GROUPED", "agents", List.of(agents))), 200, "régie");
        Journey.expect(Http.putJson(urls.cart() + "/procedures/birth-certificate", admin, Map.of("regie",
                "namur-etat-civil", "title", "Copie d'acte de naissance", "currency", "EUR", "basePrice", 0,
                "validFrom", "2026-01-01", "criteria", List.of(
                        Map.of("name", "reason", "options", Map.of("EMPLOYMENT", 0, "FAMILY_ALLOWANCE", 500)),
                        Map.of("name", "delivery", "options", Map.of("DIGITAL", 0, "POSTAL", 700))))), 200, "procedure");
        Map<String, String> criteria = Map.of("reason", "FAMILY_ALLOWANCE", "delivery", "POSTAL");
        long quoted = Journey.expect(Http.postJson(urls.cart() + "/procedures/birth-certificate/quote", citizen,
                Map.of("criteria", criteria), Map.of()), 200, "quote").json().path("amount").asLong();
        Journey.expectProblem(Http.postJson(urls.cart() + "/requests", citizen, Map.of("procedure", "birth-certificate",
                "criteria", criteria, "quotedAmount", 500), Map.of()), 409, "a stale quote");
        String request = Journey.expect(Http.postJson(urls.cart() + "/requests", citizen, Map.of("procedure",
                "birth-certificate", "criteria", criteria, "quotedAmount", quoted), Map.of()), 201, "request").json()
                .path("id").asText();
        if (seenByAgents(agent, request)) {
            throw new JourneyFailure("agents see request " + request + " before it is paid");
        }
        step("P1 e-counter birth certificate, family allowance, by post: quoted %d.%02d EUR; a stale quote refused "
                + "(409); request %s waits for payment, unseen by agents", quoted / 100, quoted % 100, request);

        // P2 paid through Mollie: the request reaches the agents, who are emailed then
        String paymentId = Journey.expect(Http.postJson(urls.cart() + "/cart/checkout", citizen, Map.of(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201, "checkout").json()
                .path("next").path("paymentId").asText();
        Journey.await("payment-service has the payment", () -> {
            Http.Reply r = Http.get(urls.payment() + "/payments/" + paymentId, citizen);
            return r.status() == 200 ? r : null;
        });
        String page = Journey.expect(Http.postJson(urls.payment() + "/payments/" + paymentId + "/start", citizen, "",
                Map.of()), 200, "start").json().path("checkoutUrl").asText();
        if (Http.postForm(page, "status=paid").status() != 303) {
            throw new JourneyFailure("Mollie's page did not redirect");
        }
        Journey.await("the agents see the paid request", () -> seenByAgents(agent, request) ? true : null);
        String notice = Journey.await("the agents are emailed", () -> Journey.mailWith(urls, agents, "Demande à traiter"));
        step("P2 e-counter paid through Mollie; request TO_PROCESS for the agents; %s: \"%s\"", agents, notice);

        // P3 refused with a reason: the citizen is told, and refunded through Mollie
        Journey.expectProblem(Http.postJson(urls.cart() + "/requests/" + request + "/refusal", agent,
                Map.of("reason", ""), Map.of()), 400, "a refusal without reason");
        Journey.expect(Http.postJson(urls.cart() + "/requests/" + request + "/refusal", agent,
                Map.of("reason", "L'acte n'est pas détenu par la Ville de Namur"), Map.of()), 200, "refusal");
        String told = Journey.await("the citizen is told", () -> Journey.mailWith(urls, email, "refusée"));
        JsonNode refunded = Journey.await("the payment is refunded", () -> {
            JsonNode p = Journey.expect(Http.get(urls.payment() + "/payments/" + paymentId, citizen), 200, "payment").json();
            return p.path("state").asText().equals("REFUNDED") ? p : null;
        });
        String refundMail = Journey.await("the refund notice", () -> Journey.mailWith(urls, email, "Remboursement effectué"));
        step("P3 e-counter refused: \"%s\"; payment %s %s; \"%s\"", told, refunded.path("reference").asText(),
                refunded.path("state").asText(), refundMail);
    }

    private boolean seenByAgents(String agent, String request) {
        for (JsonNode r : Journey.expect(Http.get(urls.cart() + "/requests", agent), 200, "agents' requests").json()) {
            if (r.path("id").asText().equals(request)) {
                return true;
            }
        }
        return false;
    }

    private void step(String format, Object... args) {
        out.accept(String.format(format, args));
    }
}
