package org.guichet.platform.http;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Security headers on every answer (L14): no content sniffing, and on pages (the return, payment and refund
 * pages, the back office) a Content-Security-Policy that loads nothing from elsewhere, forbids framing and
 * script from other origins, lets forms post only here or to a gateway over https, and sends no Referer to
 * another site.
 */
public class SecurityHeaders {
    static final String PAGE_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
            + "form-action 'self' https:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @ServerResponseFilter
    public void headers(ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders().putSingle("Content-Security-Policy", PAGE_POLICY);
            // no address leaves for another site; same-origin (not no-referrer) so that the browser still names this
            // site as the Origin of its own form posts (with no-referrer, Chromium sends "Origin: null")
            response.getHeaders().putSingle("Referrer-Policy", "same-origin");
            response.getHeaders().putSingle("X-Frame-Options", "DENY");
        }
    }
}
