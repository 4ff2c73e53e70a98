package org.guichet.platform.signature;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Signed server-to-server callbacks: header {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * t + "." + rawBody)>}. Verified on the raw bytes, in constant time, within a tolerance window;
 * several {@code v1} values (and several secrets) allow key rotation.
 */
public final class WebhookSignature {
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    public static String header(String secret, Instant at, String rawBody) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + hmacHex(secret, t + "." + rawBody);
    }

    public static boolean verify(String header, String rawBody, List<String> secrets, Instant now, Duration tolerance) {
        if (header == null || rawBody == null || secrets.isEmpty()) {
            return false;
        }
        Long t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t")) {
                try {
                    t = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (t == null || signatures.isEmpty() || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        boolean match = false;
        for (String secret : secrets) {
            byte[] expected = hmacHex(secret, t + "." + rawBody).getBytes(StandardCharsets.US_ASCII);
            for (String candidate : signatures) {
                // no early exit: every comparison is made, in constant time
                match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return match;
    }

    public static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
