package org.guichet.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place where failures become HTTP answers: always problem+json, never a stack trace or
 * an internal message.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response answer = respond(e.toProblem());
        return e.retryAfterSeconds() > 0
                ? Response.fromResponse(answer).header("Retry-After", Long.toString(e.retryAfterSeconds())).build()
                : answer;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .collect(Collectors.toList());
        return respond(Problems.invalid("The request has invalid fields", errors).toProblem());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return respond(Problems.invalid("The body is not well-formed JSON").toProblem());
    }

    /** Declared for the exact type so that it wins over Quarkus' built-in mapper of the same exception. */
    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (field.isEmpty()) {
            return json(e);
        }
        return respond(Problems.invalid("A field has the wrong type or format",
                new FieldError(field, "wrong type or format")).toProblem());
    }

    @ServerExceptionMapper
    public Response wrongFormat(InvalidFormatException e) {
        return wrongType(e);
    }

    @ServerExceptionMapper
    public Uni<Response> unauthorized(UnauthorizedException e, RoutingContext context) {
        return challenge(context);
    }

    @ServerExceptionMapper
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, RoutingContext context) {
        return challenge(context);
    }

    /**
     * What the path's authentication mechanism asks of the client: an API answers 401 problem+json with its
     * WWW-Authenticate; a page behind a login (an OIDC web-app tenant) sends the browser to the login.
     */
    private Uni<Response> challenge(RoutingContext context) {
        Response problem = respond(Problems.unauthorized("A valid bearer token is required").toProblem());
        HttpAuthenticator authenticator = context == null ? null : context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(problem);
        }
        return authenticator.getChallenge(context).map(challenge -> {
            if (challenge == null) {
                return problem;
            }
            Response.ResponseBuilder answer = challenge.status == 302 ? Response.status(302)
                    : Response.fromResponse(problem);
            challenge.getHeaders().forEach((name, value) -> answer.header(name.toString(), value));
            return answer.build();
        }).onFailure().recoverWithItem(problem);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problems.forbidden("Your role does not allow this").toProblem());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("web exception", e);
            return internal();
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        if (e.getCause() instanceof ProblemException pe) {
            return problem(pe); // thrown by a parameter converter (an id that is not a UUID)
        }
        if (e.getCause() instanceof MismatchedInputException mie) {
            return wrongType(mie);
        }
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return json(jpe);
        }
        return respond(new Problem(Problem.TYPE_BASE + "http-" + status, title, status, title, List.of()));
    }

    /** Two requests changed the same row at once; the loser may simply retry. */
    @ServerExceptionMapper({jakarta.persistence.OptimisticLockException.class, org.hibernate.StaleStateException.class})
    public Response concurrentUpdate(Exception e) {
        return respond(Problems.conflict("concurrent-update",
                "Someone else changed this at the same moment; nothing was changed, please retry").toProblem());
    }

    /**
     * The database refused for want of resources (SQLSTATE class 53: too many connections, out of
     * memory or disk) or is shutting down (57P01-57P03): nothing was changed, and the client may retry
     * shortly — a 503 with Retry-After, not a 500.
     */
    @ServerExceptionMapper
    public Response databaseUnavailable(io.vertx.pgclient.PgException e) {
        String state = e.getSqlState();
        if ("22021".equals(state)) {
            return textNotStorable();
        }
        if (state == null || !(state.startsWith("53") || state.startsWith("57P"))) {
            return unexpected(e);
        }
        LOG.warnf("database unavailable (%s): %s", state, e.getErrorMessage());
        Problem problem = new Problem(Problem.TYPE_BASE + "database-unavailable", "Service unavailable", 503,
                "The database cannot take this request right now; nothing was changed, please retry", List.of());
        return Response.status(503).header("Retry-After", "1").type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** Text the database cannot hold (a NUL character in a query parameter or a path): the client's doing. */
    @ServerExceptionMapper
    public Response dataException(org.hibernate.exception.DataException e) {
        if (e.getCause() instanceof io.vertx.pgclient.PgException pg) {
            return databaseUnavailable(pg);
        }
        return "22021".equals(e.getSQLState()) ? textNotStorable() : unexpected(e);
    }

    private static Response textNotStorable() {
        return respond(Problems.invalid("The request holds characters that cannot be stored (such as NUL)",
                new FieldError("request", "invalid character")).toProblem());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure", e);
        return internal();
    }

    private static Response internal() {
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "Something went wrong on our side; nothing was changed", List.of()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** "create.arg0.amount" → "amount": the client knows its body's field names, not our parameters. */
    private static String fieldName(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }
}
