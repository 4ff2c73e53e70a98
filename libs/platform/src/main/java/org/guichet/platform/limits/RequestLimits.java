package org.guichet.platform.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.guichet.platform.error.Problem;

import java.util.List;

/**
 * The first handler of every request: an address holding a NUL character is a 400, a body declared
 * larger than the limit a 413 — problem+json, before anything is read, authenticated or stored. Where a
 * path has a smaller limit than the global one (gateway callbacks, the browser's return from a gateway),
 * a body sent without a Content-Length (chunked) is a 411: the small limit is then enforced before a
 * byte is read, rather than after reading up to the global limit.
 * (Rates are limited after authentication, by {@link RateLimits}.) {@code guichet_requests_limited_total{limit}}
 * counts the refusals.
 */
@ApplicationScoped
public class RequestLimits {
    /** Before Quarkus' own handlers (body, security, REST). */
    static final int ORDER = -10_000;

    @Inject
    RequestLimitsConfig config;
    @Inject
    MeterRegistry registry;
    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext ctx) {
        if (holdsNul(ctx.request().uri())) {
            // PostgreSQL cannot store NUL in text: refused at the door, not halfway through a streamed answer
            refuse(ctx, "nul", 400, "invalid-request", "Invalid request",
                    "The address holds a NUL character (%00), which no field may contain; nothing was read or changed", null);
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long max = maxBodyBytes(ctx.normalizedPath());
        if (length != null && tooLong(length, max)) {
            refuse(ctx, "body-size", 413, "payload-too-large", "Request body too large",
                    "The body may not exceed " + max + " bytes; nothing was read or changed", null);
            return;
        }
        if (length == null && max < config.maxBodyBytes() && carriesBody(ctx.request().method())) {
            refuse(ctx, "body-length", 411, "length-required", "Length required",
                    "A body sent here must declare its Content-Length (at most " + max + " bytes); nothing was read or changed",
                    null);
            return;
        }
        ctx.next();
    }

    static boolean holdsNul(String uri) {
        return uri != null && (uri.indexOf('\0') >= 0 || uri.toLowerCase(java.util.Locale.ROOT).contains("%00"));
    }

    /** The smallest limit that covers the path. */
    long maxBodyBytes(String path) {
        long max = config.maxBodyBytes();
        for (RequestLimitsConfig.BodyLimit limit : config.bodies().values()) {
            if (path != null && limit.paths().stream().anyMatch(prefix -> covers(prefix, path))) {
                max = Math.min(max, limit.maxBytes());
            }
        }
        return max;
    }

    /**
     * True when the path starts with the prefix, where a {@code *} segment of the prefix stands for any one
     * segment ({@code /payments/*}{@code /return} covers every payment's return address).
     */
    static boolean covers(String prefix, String path) {
        if (prefix.indexOf('*') < 0) {
            return path.startsWith(prefix);
        }
        String[] want = prefix.split("/", -1);
        String[] have = path.split("/", -1);
        if (have.length < want.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            boolean last = i == want.length - 1;
            if (!"*".equals(want[i]) && !(last ? have[i].startsWith(want[i]) : have[i].equals(want[i]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean carriesBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT
                || method == HttpMethod.PATCH;
    }

    private static boolean tooLong(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private void refuse(RoutingContext ctx, String limit, int status, String type, String title, String detail,
                        Long retryAfter) {
        registry.counter("guichet.requests.limited", "limit", limit).increment();
        Problem problem = new Problem(Problem.TYPE_BASE + type, title, status, detail, List.of());
        var response = ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (retryAfter != null) {
            response.putHeader("Retry-After", Long.toString(retryAfter));
        }
        // the body is not read: close the connection rather than drain what the client still sends
        if (status == 413) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        try {
            response.end(mapper.writeValueAsString(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            response.end();
        }
    }

}
