package org.guichet.platform.limits;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.guichet.platform.error.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-client rates on the endpoints a rule names (payment creation, callbacks, checkouts, searches):
 * over its rate a client gets a 429 with Retry-After, problem+json, before the operation runs. A client
 * is the verified caller (the token's subject, after authentication) or, for anonymous callers such as
 * gateways, the network address — never something the request merely claims. Each replica counts for
 * itself; the number of clients remembered is capped.
 */
@ApplicationScoped
public class RateLimits {
    static final int MAX_CLIENTS = 100_000;
    private static final long IDLE = TimeUnit.MINUTES.toNanos(10);

    @Inject
    RequestLimitsConfig config;
    @Inject
    MeterRegistry registry;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!config.ratesEnabled()) {
            return Optional.empty();
        }
        String path = request.getUriInfo().getPath();
        String method = request.getMethod();
        for (Map.Entry<String, RequestLimitsConfig.Rule> rule : config.rates().entrySet()) {
            if (!covers(rule.getValue(), method, path)) {
                continue;
            }
            long now = System.nanoTime();
            String key = rule.getKey() + "|" + client(request.getSecurityContext().getUserPrincipal(), http);
            TokenBucket bucket = bucket(key, rule.getValue(), now);
            if (!bucket.tryTake(now)) {
                registry.counter("guichet.requests.limited", "limit", rule.getKey()).increment();
                Problem problem = new Problem(Problem.TYPE_BASE + "too-many-requests", "Too many requests", 429,
                        "Too many requests from this client; nothing was changed, retry later", List.of());
                return Optional.of(Response.status(429).header("Retry-After", bucket.secondsUntilNext(now))
                        .type(Problem.MEDIA_TYPE).entity(problem).build());
            }
        }
        return Optional.empty();
    }

    private TokenBucket bucket(String key, RequestLimitsConfig.Rule rule, long now) {
        TokenBucket bucket = buckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= MAX_CLIENTS) {
            forgetIdle(now, 0); // a flood of new clients: keep only those still being limited
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(rule.perSecond(), rule.burst(), now));
    }

    static boolean covers(RequestLimitsConfig.Rule rule, String method, String path) {
        if (rule.methods().isPresent() && rule.methods().get().stream().noneMatch(method::equalsIgnoreCase)) {
            return false;
        }
        return rule.paths().stream().anyMatch(path::startsWith);
    }

    static String client(Principal principal, HttpServerRequest http) {
        if (principal != null && principal.getName() != null && !principal.getName().isEmpty()) {
            return "user:" + principal.getName();
        }
        return "address:" + (http.remoteAddress() == null ? "?" : http.remoteAddress().hostAddress());
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleClients() {
        forgetIdle(System.nanoTime(), IDLE);
    }

    private void forgetIdle(long now, long idleNanos) {
        buckets.values().removeIf(b -> b.idle(now, idleNanos));
    }
}
