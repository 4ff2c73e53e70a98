package org.guichet.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for POSTs that move money. The key row is inserted in the same
 * transaction as the action: a concurrent request with the same key waits on it, then replays
 * the stored answer. A failed action rolls back and stores nothing, so the client may retry. The
 * same key with a different body is refused.
 */
@ApplicationScoped
public class IdempotentRequests {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    /** What the action answered; stored and replayed as is. */
    public record Outcome(int status, Object body) {
    }

    @Inject
    ObjectMapper mapper;

    public Uni<Response> execute(String scope, String key, Object request, Supplier<Uni<Outcome>> action) {
        validateKey(key);
        String hash = hash(request);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "insert into idempotency_key (scope, idem_key, request_hash, created_at) "
                                        + "values (?1, ?2, ?3, now()) on conflict do nothing")
                        .setParameter(1, scope).setParameter(2, key).setParameter(3, hash)
                        .executeUpdate())
                .flatMap(inserted -> inserted == 1
                        ? action.get().flatMap(outcome -> store(scope, key, outcome))
                        : replay(scope, key, hash)));
    }

    private Uni<Response> store(String scope, String key, Outcome outcome) {
        String body = write(outcome.body());
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "update idempotency_key set status = ?1, body = ?2 where scope = ?3 and idem_key = ?4")
                        .setParameter(1, outcome.status()).setParameter(2, body)
                        .setParameter(3, scope).setParameter(4, key).executeUpdate())
                .replaceWith(Response.status(outcome.status()).type(MediaType.APPLICATION_JSON).entity(body).build());
    }

    private Uni<Response> replay(String scope, String key, String hash) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "select request_hash, status, body from idempotency_key where scope = ?1 and idem_key = ?2",
                                Object[].class)
                        .setParameter(1, scope).setParameter(2, key).getSingleResult())
                .map(row -> {
                    if (!hash.equals(row[0])) {
                        throw Problems.unprocessable("idempotency-key-reused",
                                "This Idempotency-Key was already used with a different request");
                    }
                    return Response.status(((Number) row[1]).intValue()).type(MediaType.APPLICATION_JSON)
                            .entity(row[2]).header(REPLAYED, "true").build();
                });
    }

    private static void validateKey(String key) {
        if (key == null || key.isBlank() || key.length() > 255) {
            throw Problems.invalid("An Idempotency-Key header of 1 to 255 characters is required",
                    List.of(new FieldError(HEADER, "required, 1 to 255 characters")));
        }
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
