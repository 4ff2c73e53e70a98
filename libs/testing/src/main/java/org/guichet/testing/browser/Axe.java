package org.guichet.testing.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.guichet.testing.infra.InfraPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Accessibility checks with axe-core (Deque's engine, run in the page by the real browser) against WCAG 2.1 A and
 * AA. {@code ./guichet test} installs axe-core from the npm registry into {@code .guichet/tools}; it is served to the
 * page by the test, never by the site.
 */
public final class Axe {
    static final String VERSION_DIR = ".guichet/tools/node_modules/axe-core/axe.min.js";
    private static String source;

    private Axe() {
    }

    /** The serious and critical violations on the page the browser shows, one line each (rule, impact, where). */
    public static List<String> violations(Browser browser) {
        browser.execute(source() + "\nreturn true;");
        JsonNode found = browser.executeAsync("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                   resultTypes: ['violations']})
                   .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                       .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                            + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));
                """);
        List<String> lines = new ArrayList<>();
        found.forEach(v -> lines.add(v.asText()));
        return lines;
    }

    /** Fails with the page's address and its serious or critical violations, if any. */
    public static void check(Browser browser) {
        List<String> v = violations(browser);
        if (!v.isEmpty()) {
            throw new AssertionError("accessibility (axe-core, WCAG 2.1 AA) on " + browser.url() + ":\n  "
                    + String.join("\n  ", v));
        }
    }

    private static synchronized String source() {
        if (source == null) {
            Path axe = Path.of(System.getProperty("guichet.axe", InfraPaths.root().resolve(VERSION_DIR).toString()));
            try {
                source = Files.readString(axe);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is not installed at " + axe + ": ./guichet test installs it", e);
            }
        }
        return source;
    }
}
