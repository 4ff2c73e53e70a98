package org.guichet.web.desk;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.guichet.web.i18n.Texts;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Builds the {@link Page} of the current request. The reader's language is the one they chose in the switcher
 * (a cookie), else their locale claim, else the browser's Accept-Language, else English.
 */
@RequestScoped
public class Pages {
    public static final String LANGUAGE_COOKIE = "desk-lang";

    @Inject
    DeskUser user;
    @Inject
    Texts texts;
    @Inject
    Institutions institutions;
    @Inject
    RoutingContext request;

    private Institutions.Known known;

    public Institutions.Known known() {
        if (known == null) {
            known = institutions.of(user.tenant());
        }
        return known;
    }

    public String language() {
        var cookie = request.request().getCookie(LANGUAGE_COOKIE);
        if (cookie != null && Texts.LANGUAGES.contains(cookie.getValue())) {
            return cookie.getValue();
        }
        return user.locale().map(l -> Locale.forLanguageTag(l).getLanguage()).filter(Texts.LANGUAGES::contains)
                .orElseGet(() -> fromBrowser(request.request().getHeader("Accept-Language")));
    }

    static String fromBrowser(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Texts.FALLBACK;
        }
        try {
            String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), Texts.LANGUAGES);
            return best == null ? Texts.FALLBACK : best;
        } catch (IllegalArgumentException malformed) {
            return Texts.FALLBACK;
        }
    }

    public Texts.Lang words() {
        return texts.of(language());
    }

    public Formats formats() {
        var i = known().institution();
        return new Formats(Locale.forLanguageTag(i.locale()), ZoneId.of(i.timeZone()), words().locale());
    }

    /** The page titled with the word {@code titleKey}, with an optional notice (the word {@code notice.<key>}). */
    public Page page(String titleKey, String noticeKey, Object... titleArgs) {
        Texts.Lang t = words();
        String notice = noticeKey == null || noticeKey.isBlank() ? null : t.getOr("notice." + noticeKey, null);
        return new Page(t, formats(), t.code(), t.fmt(titleKey, titleArgs), request.normalizedPath(), user.name(),
                t.getOr("role." + user.role(), user.role()), known().institution().name(), known().regieNames(), user.atCounter(),
                user.readsMoney(), user.has(DeskUser.FINANCE) || user.has(DeskUser.ADMIN), notice);
    }
}
