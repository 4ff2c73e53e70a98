package org.guichet.web.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desk speaks four languages completely: every key in every language, every key a page names exists. */
class TextsTest {

    @Test
    void every_language_has_every_key_of_every_other() {
        Set<String> english = Texts.load("en").stringPropertyNames();
        for (String lang : Texts.LANGUAGES) {
            assertEquals(new TreeSet<>(english), new TreeSet<>(Texts.load(lang).stringPropertyNames()),
                    "the keys of " + lang + " and en differ");
        }
    }

    @Test
    void every_key_the_templates_and_pages_name_exists() throws IOException {
        Properties english = Texts.load("en");
        Pattern used = Pattern.compile("\\b(?:t|words\\(\\))\\.(?:get|fmt|getOr)\\('?\"?([a-zA-Z.\\-]+)['\"]"
                + "|pages\\.page\\(\"([a-zA-Z.]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources/templates")),
                Files.walk(Path.of("src/main/java")))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = used.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    // a prefix the page completes ("role." + the role) is checked through its words, not here
                    if (key.contains(".") && !key.endsWith(".") && !english.containsKey(key)) {
                        missing.add(key + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys named but not defined: " + missing);
    }

    @Test
    void words_are_formatted_with_their_values_and_plurals() {
        Texts texts = new Texts();
        assertEquals("3 usagers trouvés", texts.of("fr").fmt("search.results", 3));
        assertEquals("Un usager trouvé", texts.of("fr").fmt("search.results", 1));
        assertEquals("Nalezeni 2 zákazníci", texts.of("cs").fmt("search.results", 2));
        assertEquals("Cash", texts.of("en").name("mode", "CASH"));
        assertEquals("SOMETHING_NEW", texts.of("en").name("mode", "SOMETHING_NEW"), "an unknown code shows as it is");
        assertEquals("en", texts.of("de").code(), "a language the desk does not have falls back to English");
    }
}
