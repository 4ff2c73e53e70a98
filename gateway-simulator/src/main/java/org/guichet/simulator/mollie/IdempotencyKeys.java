package org.guichet.simulator.mollie;

import com.sun.net.httpserver.HttpExchange;
import org.guichet.simulator.Http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated Mollie's idempotency keys, per account and operation. */
final class IdempotencyKeys {
    record Replay(String requestHash, int status, String body, Instant at) {
    }

    /** What an idempotent request does the first time. */
    interface Action {
        MollieSimulator.Answer apply(String body) throws IOException;
    }

    private final Map<String, Replay> seen = new ConcurrentHashMap<>();

    /** Mollie's Idempotency-Key: the first answer replayed (with Idempotent-Replayed), another body with it 400. */
    void answer(HttpExchange ex, String scope, Action action) throws IOException {
        String body = Http.body(ex);
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null) {
            MollieSimulator.Answer a = action.apply(body);
            Http.json(ex, a.status(), a.body());
            return;
        }
        String id = scope + "/" + key;
        String hash = sha256(body);
        Replay inFlight = new Replay(hash, 0, null, Instant.now());
        Replay previous = seen.putIfAbsent(id, inFlight);
        if (previous != null) {
            if (!previous.requestHash().equals(hash)) {
                MollieSimulator.error(ex, 400, "Bad Request", "The idempotency key was used with another request body", null);
            } else if (previous.status() == 0) {
                MollieSimulator.error(ex, 409, "Conflict", "A request with this idempotency key is being processed", null);
            } else {
                ex.getResponseHeaders().set("Idempotent-Replayed", "true");
                Http.send(ex, previous.status(), "application/hal+json", previous.body());
            }
            return;
        }
        MollieSimulator.Answer a = action.apply(body);
        String json = Http.JSON.writeValueAsString(a.body());
        if (a.status() >= 500) {
            seen.remove(id);
        } else {
            seen.put(id, new Replay(hash, a.status(), json, Instant.now()));
        }
        Http.send(ex, a.status(), "application/hal+json", json);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
