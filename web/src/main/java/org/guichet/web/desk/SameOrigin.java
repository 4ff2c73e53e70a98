package org.guichet.web.desk;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Another site cannot make a signed-in agent's browser change anything: every request that is not a read must come
 * from the desk's own pages, as the browser tells with {@code Origin} (or, where a browser sends none,
 * {@code Sec-Fetch-Site}). A request that says neither is refused too: only browsers use the desk. The session
 * cookie is also {@code SameSite=Lax}; this is the check that does not depend on the browser honouring it.
 */
public class SameOrigin {
    static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter
    public Optional<Response> check(HttpServerRequest request) {
        if (READS.contains(request.method().name()) || allowed(request.getHeader("Origin"),
                request.getHeader("Sec-Fetch-Site"), request.authority() == null ? request.getHeader("Host")
                        : request.authority().toString())) {
            return Optional.empty();
        }
        return Optional.of(Response.status(403).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("Refused: this form was not sent from the desk's own pages.").build());
    }

    /** Whether a changing request with these headers comes from a page of {@code host} (host[:port]). */
    static boolean allowed(String origin, String fetchSite, String host) {
        if (origin != null && !origin.isBlank() && !"null".equals(origin)) {
            try {
                return host != null && host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        return "same-origin".equals(fetchSite);
    }
}
