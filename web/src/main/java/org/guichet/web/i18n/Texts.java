package org.guichet.web.i18n;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The desk's words in its four languages ({@code i18n/desk_<lang>.properties}, UTF-8). Every language has every key
 * (TextsTest); a key missing at run time shows itself in brackets rather than failing the page.
 */
@ApplicationScoped
public class Texts {
    /** The desk's languages, in the order the language switcher offers them. */
    public static final List<String> LANGUAGES = List.of("fr", "nl", "en", "cs");
    public static final String FALLBACK = "en";

    private final Map<String, Lang> langs = LANGUAGES.stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), l -> new Lang(l, load(l))));

    public Lang of(String language) {
        return langs.getOrDefault(language, langs.get(FALLBACK));
    }

    public static Properties load(String language) {
        String resource = "i18n/desk_" + language + ".properties";
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One language's words, as templates use them: {@code {t.get('pay.title')}}, {@code {t.fmt('x', a, b)}}. */
    @TemplateData
    public static final class Lang {
        private final String code;
        private final Properties words;

        Lang(String code, Properties words) {
            this.code = code;
            this.words = words;
        }

        public String code() {
            return code;
        }

        public Locale locale() {
            return Locale.forLanguageTag(code);
        }

        public String get(String key) {
            String w = words.getProperty(key);
            return w == null ? "[" + key + "]" : w;
        }

        /** The word for {@code key}, else {@code fallback} as it is (a code the desk has no name for). */
        public String getOr(String key, String fallback) {
            return words.getProperty(key, fallback);
        }

        /** The name of a code of some kind ({@code name('reason', 'LATE_FEE')}); the code itself when none is known. */
        public String name(String kind, String code) {
            return code == null ? "" : words.getProperty(kind + "." + code, code);
        }

        /** The name of a code of some kind, else {@code fallback} (e.g. the institution's own label for it). */
        public String nameOr(String kind, String code, String fallback) {
            return code == null ? "" : words.getProperty(kind + "." + code, fallback == null ? code : fallback);
        }

        public String fmt(String key, Object... args) {
            return new MessageFormat(get(key).replace("'", "''"), locale()).format(args);
        }
    }
}
