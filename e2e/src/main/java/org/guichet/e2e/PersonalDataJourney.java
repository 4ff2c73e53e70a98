package org.guichet.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * After the journey, the citizen's personal data: an admin of the institution downloads everything Guichet
 * holds about them — one file that reporting-service gathers from the five services with the admin's identity —
 * and the citizen downloads the same about themselves; another citizen's request is refused.
 */
public final class PersonalDataJourney {
    /** Per service, a kind of record the journey must have left there about the citizen. */
    static final Map<String, String> EXPECTED = Map.of("billing", "invoices", "cart", "checkouts", "payment", "payments",
            "notification", "emails", "reporting", "transactions");

    private final SuiteUrls urls;
    private final Consumer<String> out;
    private final Identities identities;

    public PersonalDataJourney(SuiteUrls urls, Consumer<String> out, Identities identities) {
        this.urls = urls;
        this.out = out;
        this.identities = identities;
    }

    public void run(Journey.Result journey) {
        String admin = identities.login("admin-privacy", Journey.TENANT, "admin").token();
        String subject = journey.citizen().subject();
        JsonNode export = Journey.await("the five services' parts of the export", () -> {
            Http.Reply r = Http.get(urls.reporting() + "/privacy/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                    .replace("+", "%20") + "/export", admin);
            return r.status() == 200 && complete(r.json(), journey) ? r.json() : null;
        });
        Http.Reply mine = Journey.expect(Http.get(urls.reporting() + "/privacy/me/export", journey.citizen().token()), 200,
                "the citizen's own export");
        if (!String.valueOf(mine.header("Content-Disposition")).contains("attachment")
                || !mine.json().path("subject").asText().equals(subject) || !complete(mine.json(), journey)) {
            throw new JourneyFailure("the citizen's own export is not the whole file about them: " + mine.body());
        }
        String other = identities.login("patron-nosy", Journey.TENANT, "citizen").token();
        Journey.expectProblem(Http.get(urls.reporting() + "/privacy/subjects/" + subject + "/export", other), 403,
                "a citizen asking for another's data");
        List<String> parts = new ArrayList<>();
        for (JsonNode part : export.path("parts")) {
            parts.add(part.path("service").asText().replace("-service", ""));
        }
        out.accept(String.format("P1 privacy  the admin downloads everything held about %s: %s; the citizen the same "
                + "about themselves; another citizen refused (403)", subject, String.join(", ", parts)));
    }

    /** Every service answered for this person, each with what the journey left in it (the payment, its receipt…). */
    private static boolean complete(JsonNode export, Journey.Result journey) {
        int found = 0;
        for (JsonNode part : export.path("parts")) {
            String service = part.path("service").asText().replace("-service", "");
            String kind = EXPECTED.get(service);
            if (kind == null || !part.path("subject").asText().equals(journey.citizen().subject())) {
                return false;
            }
            JsonNode rows = part.path("records").path(kind);
            if (rows.isArray() && !rows.isEmpty() && rows.toString().contains(idOf(service, journey))) {
                found++;
            }
        }
        return found == EXPECTED.size();
    }

    /** What identifies the journey's own record in each service's rows. */
    private static String idOf(String service, Journey.Result journey) {
        return switch (service) {
            case "billing" -> journey.invoiceId();
            case "notification" -> journey.citizenEmail();
            case "cart" -> journey.checkoutId();
            default -> journey.paymentId();
        };
    }
}
