package org.guichet.payment.callback;

import org.guichet.events.EventJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the inbox keeps of a callback that failed verification: a few headers, the start of the body, and
 * the whole body's size and SHA-256 — enough to recognise a gateway's misconfiguration or a replay, never
 * a store for whatever an anonymous sender posts.
 * <p>Decision: docs/adr/0001-callback-inbox.md.
 */
record RejectedCallback(String headers, String body, String digest) {
    static final int BODY_CHARS = 1024;
    static final int HEADER_CHARS = 200;
    static final List<String> KEPT_HEADERS = List.of("Content-Type", "Content-Length", "User-Agent", "X-Guichet-Source");

    static RejectedCallback of(Map<String, String> headers, String rawBody) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = headers.get(name);
            if (value != null) {
                kept.put(name, cut(value, HEADER_CHARS));
            }
        }
        byte[] bytes = rawBody.getBytes(StandardCharsets.UTF_8);
        return new RejectedCallback(EventJson.MAPPER.valueToTree(kept).toString(), cut(rawBody, BODY_CHARS),
                bytes.length + " bytes, sha256 " + sha256(bytes));
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        // never half a surrogate pair
        return s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
