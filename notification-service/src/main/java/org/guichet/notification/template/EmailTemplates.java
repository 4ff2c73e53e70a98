package org.guichet.notification.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an email from {@code templates/<name>_<language>.txt}: the first line is the subject.
 * The language falls back to French, then English, when a template has no such translation.
 */
@ApplicationScoped
public class EmailTemplates {
    public static final List<String> LANGUAGES = List.of("fr", "nl", "en", "cs");
    /** Control characters and Unicode line breaks: none may reach a Subject header (L13). */
    private static final java.util.regex.Pattern CONTROLS = java.util.regex.Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");

    public record Rendered(String language, String subject, String body) {
    }

    @Inject
    Engine engine;

    public Rendered render(String name, String language, Map<String, Object> data) {
        for (String candidate : candidates(language)) {
            Template template = engine.getTemplate(name + "_" + candidate);
            if (template != null) {
                String text = template.data(data).render();
                int newline = text.indexOf('\n');
                return new Rendered(candidate, subject(text.substring(0, newline)), text.substring(newline + 1));
            }
        }
        throw new IllegalStateException("no template " + name);
    }

    /** One line of text: a CR or other control character from the data (a title an admin typed) becomes a space. */
    static String subject(String line) {
        return CONTROLS.matcher(line).replaceAll(" ").trim();
    }

    /**
     * The HTML part: the same text, escaped, a paragraph per blank-line block, under the institution's
     * name and logo.
     */
    public String html(String institution, String logoUrl, String language, String subject, String bodyText) {
        List<String> paragraphs = java.util.Arrays.stream(bodyText.strip().split("\\n\\s*\\n"))
                .map(p -> org.guichet.platform.text.Html.escape(p.strip()).replace("\n", "<br>\n")).toList();
        return engine.getTemplate("layout.html").data("institution", institution).data("logoUrl", logoUrl)
                .data("language", language).data("subject", subject).data("paragraphs", paragraphs).render();
    }

    private static List<String> candidates(String language) {
        String lang = language == null ? "fr" : language.toLowerCase(Locale.ROOT);
        int dash = lang.indexOf('-');
        if (dash > 0) {
            lang = lang.substring(0, dash);
        }
        return List.of(lang, "fr", "en");
    }
}
