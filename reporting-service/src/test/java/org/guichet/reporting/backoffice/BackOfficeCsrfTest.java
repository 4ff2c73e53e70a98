package org.guichet.reporting.backoffice;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.guichet.platform.error.ProblemException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** L16: the back office's forms are taken only from its own pages. */
class BackOfficeCsrfTest {
    private static final UriInfo SELF = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(),
            new Class<?>[]{UriInfo.class}, (proxy, method, args) -> method.getName().equals("getBaseUri")
                    ? URI.create("https://backoffice.ville.example/") : null);

    private static HttpHeaders headers(Map<String, String> values) {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[]{HttpHeaders.class},
                (proxy, method, args) -> method.getName().equals("getHeaderString") ? values.get((String) args[0]) : null);
    }

    private static final String TOKEN = "0123456789abcdefghijklmnopqrstuv";

    private static void post(Map<String, String> headers, String token, String cookie) {
        BackOfficeResource.sameOrigin(new BackOfficeResource.Posted(headers(headers), SELF, token, cookie));
    }

    @Test
    void L16_aPostWithoutTheFormsTokenIsRefusedEvenWithoutOriginOrFetchMetadata() {
        ProblemException refused = assertThrows(ProblemException.class, () -> post(Map.of(), null, null));
        assertEquals(403, refused.status());
        assertThrows(ProblemException.class, () -> post(Map.of(), TOKEN, null), "no cookie: another site's form");
        assertThrows(ProblemException.class, () -> post(Map.of(), "a-guessed-token-of-32-characters", TOKEN));
        assertDoesNotThrow(() -> post(Map.of(), TOKEN, TOKEN));
    }

    @Test
    void L16_anotherSitesPostIsRefusedAndTheBackOfficesOwnIsTaken() {
        assertThrows(ProblemException.class, () -> post(Map.of("Origin", "https://evil.example"), TOKEN, TOKEN));
        assertThrows(ProblemException.class, () -> post(Map.of("Sec-Fetch-Site", "cross-site"), TOKEN, TOKEN));
        assertDoesNotThrow(() -> post(Map.of("Origin", "https://backoffice.ville.example", "Sec-Fetch-Site",
                "same-origin"), TOKEN, TOKEN));
        assertDoesNotThrow(() -> post(Map.of("Sec-Fetch-Site", "same-origin"), TOKEN, TOKEN));
        assertDoesNotThrow(() -> post(Map.of("Origin", "null", "Sec-Fetch-Site", "same-origin"), TOKEN, TOKEN));
        assertThrows(ProblemException.class, () -> post(Map.of("Origin", "null"), null, TOKEN));
    }
}
