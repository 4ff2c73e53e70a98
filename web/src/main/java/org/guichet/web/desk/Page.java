package org.guichet.web.desk;

import io.quarkus.qute.TemplateData;
import org.guichet.web.i18n.Texts;

import java.util.List;
import java.util.Map;

/**
 * What the layout of every page needs: the words in the reader's language ({@code t}), the institution's formats
 * ({@code f}), who is signed in, the institution's name, the page's title and where the reader is (for the
 * navigation and the language switcher).
 */
@TemplateData
public record Page(Texts.Lang t, Formats f, String lang, String title, String path, String userName, String role,
                   String institution, Map<String, String> regieNames, boolean counter, boolean money,
                   boolean reconciles, String notice) {

    /** A régie by its name. */
    public String regieName(String code) {
        return code == null ? "" : regieNames.getOrDefault(code, code);
    }

    public List<String> languages() {
        return Texts.LANGUAGES;
    }

    /** The language's own name, for the switcher (Français, Nederlands, English, Čeština). */
    public String languageName(String code) {
        return t.get("language." + code);
    }

    public boolean at(String prefix) {
        return path.startsWith(prefix);
    }
}
