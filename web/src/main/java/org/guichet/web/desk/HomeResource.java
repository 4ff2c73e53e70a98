package org.guichet.web.desk;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.guichet.web.i18n.Texts;

import java.net.URI;

/** Where a signed-in user lands, the language switcher, and the page after signing out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {
    @Inject
    DeskUser user;
    @Inject
    Texts texts;

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance signedOut(String lang, Texts.Lang t);

        static native TemplateInstance nothingForYou(String lang, Texts.Lang t);
    }

    @Inject
    Pages pages;

    /** Counter staff to the counter, finance to its dashboard. */
    @GET
    public Response home() {
        if (user.atCounter()) {
            return Response.seeOther(URI.create("/counter")).build();
        }
        if (user.readsMoney()) {
            return Response.seeOther(URI.create("/finance")).build();
        }
        // a citizen or a user without a staff role: no institution settings to read, a plain page in their language
        String lang = pages.language();
        return Response.status(403).entity(Templates.nothingForYou(lang, texts.of(lang))).build();
    }

    /** Remembers the reader's language (a cookie for a year) and goes back where they were. */
    @GET
    @Path("language")
    public Response language(@QueryParam("to") String to, @QueryParam("back") String back) {
        String lang = Texts.LANGUAGES.contains(to) ? to : Texts.FALLBACK;
        // only a path of this site: never an open redirect
        String target = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
        return Response.seeOther(URI.create(target))
                .cookie(new NewCookie.Builder(Pages.LANGUAGE_COOKIE).value(lang).path("/").maxAge(365 * 24 * 3600)
                        .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build())
                .build();
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut(@HeaderParam("Accept-Language") String acceptLanguage) {
        String lang = Pages.fromBrowser(acceptLanguage);
        return Templates.signedOut(lang, texts.of(lang));
    }
}
