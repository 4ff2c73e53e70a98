package org.guichet.notification;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.guichet.notification.template.EmailTemplates;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every email exists in French, Dutch, English and Czech, renders without leftovers, and no two languages say the same. */
@QuarkusTest
class TemplatesTest extends NotificationTestResource {
    static final List<String> TEMPLATES = List.of("receipt", "agent-notice", "refund-bank-details", "refund-bank-details-given",
            "payment-failed",
            "refund-issued", "bill-notice", "request-ready", "request-refused");

    @Inject
    EmailTemplates templates;

    static Map<String, Object> data() {
        Map<String, Object> d = new HashMap<>();
        d.put("reference", "REF-1");
        d.put("receiptNumber", "RC-1");
        d.put("name", "Jana");
        d.put("amount", "12.00 EUR");
        d.put("regieName", "Régie");
        d.put("descriptor", "DESC");
        d.put("lines", List.of(Map.of("description", "fee", "amount", "12.00 EUR")));
        d.put("reason", "why");
        d.put("formUrl", "https://x/refund-forms/t");
        d.put("expired", true);
        d.put("transfer", true);
        d.put("number", "N-1");
        d.put("description", "desc");
        d.put("institution", "Inst");
        d.put("request", "abcd1234");
        d.put("title", "Title");
        d.put("criteria", Map.of("delivery", "POSTAL"));
        d.put("received", "12.00 EUR");
        d.put("paid", true);
        d.put("holderName", "Jan Novák");
        d.put("maskedIban", "BE71…6769");
        return d;
    }

    @Test
    void every_template_exists_in_every_language_and_renders_fully() {
        for (String template : TEMPLATES) {
            Set<String> subjects = new HashSet<>();
            for (String language : EmailTemplates.LANGUAGES) {
                EmailTemplates.Rendered r = templates.render(template, language, data());
                assertEquals(language, r.language(), template + " has a " + language + " version");
                assertFalse(r.subject().isBlank(), template + "_" + language + " has a subject");
                assertFalse(r.body().contains("{") || r.body().contains("NOT_FOUND"), template + "_" + language
                        + " renders fully: " + r.body());
                subjects.add(r.subject());
            }
            assertEquals(4, subjects.size(), template + " is translated: " + subjects);
        }
        String html = templates.html("Ville de Namur", "https://www.namur.be/logo.png", "fr", "S", "a < b\n\nsecond");
        assertTrue(html.contains("a &lt; b") && html.contains("<p>second</p>") && html.contains("logo.png"), html);
    }
}
