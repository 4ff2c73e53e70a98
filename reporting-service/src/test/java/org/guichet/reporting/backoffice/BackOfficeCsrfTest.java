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

    @Test
    void L16_aPostWithNeitherOriginNorFetchMetadataIsRefused() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> BackOfficeResource.sameOrigin(headers(Map.of()), SELF));
        assertEquals(403, refused.status());
    }

    @Test
    void L16_anotherSitesPostIsRefusedAndTheBackOfficesOwnIsTaken() {
        assertThrows(ProblemException.class, () -> BackOfficeResource.sameOrigin(
                headers(Map.of("Origin", "https://evil.example")), SELF));
        assertThrows(ProblemException.class, () -> BackOfficeResource.sameOrigin(
                headers(Map.of("Sec-Fetch-Site", "cross-site")), SELF));
        assertDoesNotThrow(() -> BackOfficeResource.sameOrigin(
                headers(Map.of("Origin", "https://backoffice.ville.example", "Sec-Fetch-Site", "same-origin")), SELF));
        assertDoesNotThrow(() -> BackOfficeResource.sameOrigin(headers(Map.of("Sec-Fetch-Site", "same-origin")), SELF));
    }
}
