package org.guichet.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.platform.error.Problem;
import org.guichet.platform.error.ProblemException;
import org.guichet.platform.error.Problems;
import org.guichet.platform.security.TokenExchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A GET to another Guichet service on behalf of the caller, with the caller's identity (their token
 * exchanged for one issued to this service, {@link TokenExchange}), so the callee applies its own rules
 * to them. The callee's problems come back as the same problems; 401/403 as a 403; the callee
 * unreachable is a 503 {@code <service>-unavailable}, an unreadable answer a 502 {@code <service>-error}.
 */
@ApplicationScoped
public class OnBehalfCalls {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    ObjectMapper mapper;
    @Inject
    TokenExchange tokenExchange;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /**
     * The JSON answer of {@code url}, read as {@code type}. {@code service} names the callee in problems
     * ("billing" gives billing-unavailable).
     */
    public <T> Uni<T> get(String service, String url, String callerBearer, Class<T> type) {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        Uni<String> bearer = tokenExchange.onBehalfOf(callerBearer);
        if (context != null) {
            // the exchange answers on the JDK client's thread, failures included: back to the caller's context
            bearer = bearer.emitOn(command -> context.runOnContext(ignored -> command.run()));
        }
        return bearer.flatMap(token -> send(service, url, token, context)).map(r -> read(service, r, type));
    }

    private Uni<HttpResponse<String>> send(String service, String url, String bearer, io.vertx.core.Context context) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", bearer).header("Accept", "application/json").GET().build();
        // the JDK client answers on its own thread: come back to the caller's Vert.x context, where
        // its reactive database session lives
        Uni<HttpResponse<String>> answer = Uni.createFrom()
                .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        if (context != null) {
            answer = answer.emitOn(command -> context.runOnContext(ignored -> command.run()));
        }
        return answer
                .onFailure(e -> !(e instanceof ProblemException))
                .transform(e -> new ProblemException(503, service + "-unavailable", title(service) + " unavailable",
                        service + "-service could not be asked: " + e.getMessage(), null));
    }

    private <T> T read(String service, HttpResponse<String> response, Class<T> type) {
        try {
            if (response.statusCode() == 200) {
                return mapper.readValue(response.body(), type);
            }
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw Problems.forbidden(service + "-service refused this caller");
            }
            Problem problem = mapper.readValue(response.body(), Problem.class);
            String slug = problem.type() == null ? service + "-error"
                    : problem.type().substring(problem.type().lastIndexOf('/') + 1);
            throw new ProblemException(response.statusCode(), slug, problem.title(), problem.detail(), problem.errors());
        } catch (IOException e) {
            throw new ProblemException(502, service + "-error", title(service) + " error",
                    service + "-service answered " + response.statusCode() + " with an unreadable body", null);
        }
    }

    private static String title(String service) {
        return Character.toUpperCase(service.charAt(0)) + service.substring(1);
    }
}
