package org.guichet.platform.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.guichet.platform.error.Problem;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The first handler of every request: an address holding a NUL character is a 400, a body declared
 * larger than the limit a 413, a client over its rate on a limited endpoint a 429 with Retry-After —
 * all problem+json, all before anything is read, authenticated or stored. {@code guichet_requests_limited_total{limit}} counts them.
 */
@ApplicationScoped
public class RequestLimits {
    /** Before Quarkus' own handlers (body, security, REST). */
    static final int ORDER = -10_000;
    private static final long IDLE = TimeUnit.MINUTES.toNanos(10);

    @Inject
    RequestLimitsConfig config;
    @Inject
    MeterRegistry registry;
    @Inject
    ObjectMapper mapper;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

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
        if (length != null && tooLong(length)) {
            refuse(ctx, "body-size", 413, "payload-too-large", "Request body too large",
                    "The body may not exceed " + config.maxBodyBytes() + " bytes; nothing was read or changed", null);
            return;
        }
        if (!config.ratesEnabled()) {
            ctx.next();
            return;
        }
        String path = ctx.normalizedPath();
        String method = ctx.request().method().name();
        for (Map.Entry<String, RequestLimitsConfig.Rule> rule : config.rates().entrySet()) {
            if (!covers(rule.getValue(), method, path)) {
                continue;
            }
            long now = System.nanoTime();
            String key = rule.getKey() + "|" + client(ctx);
            TokenBucket bucket = buckets.computeIfAbsent(key,
                    k -> new TokenBucket(rule.getValue().perSecond(), rule.getValue().burst(), now));
            if (!bucket.tryTake(now)) {
                refuse(ctx, rule.getKey(), 429, "too-many-requests", "Too many requests",
                        "Too many requests from this client; nothing was changed, retry later",
                        bucket.secondsUntilNext(now));
                return;
            }
        }
        ctx.next();
    }

    static boolean holdsNul(String uri) {
        return uri != null && (uri.indexOf('\0') >= 0 || uri.toLowerCase(java.util.Locale.ROOT).contains("%00"));
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > config.maxBodyBytes();
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    static boolean covers(RequestLimitsConfig.Rule rule, String method, String path) {
        if (rule.methods().isPresent() && rule.methods().get().stream().noneMatch(method::equalsIgnoreCase)) {
            return false;
        }
        return rule.paths().stream().anyMatch(path::startsWith);
    }

    /** The client's address, and the subject its bearer token names (read, not verified: it only picks a bucket). */
    static String client(RoutingContext ctx) {
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return address;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length < 2) {
            return address;
        }
        try {
            String claims = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
            int at = claims.indexOf("\"sub\"");
            return at < 0 ? address : address + "|" + claims.substring(at, Math.min(claims.length(), at + 80));
        } catch (IllegalArgumentException e) {
            return address;
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

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleClients() {
        long now = System.nanoTime();
        buckets.values().removeIf(b -> b.idle(now, IDLE));
    }
}
