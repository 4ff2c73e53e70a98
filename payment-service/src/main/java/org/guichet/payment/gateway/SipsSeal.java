package org.guichet.payment.gateway;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** Sips 2.0 seals: Paypage (HMAC-SHA-256 of Data, or legacy SHA-256 of Data + secret) and Office JSON. */
final class SipsSeal {
    static final String HMAC = "HMAC-SHA-256";

    private SipsSeal() {
    }

    static String paypage(String data, String secret, String algorithm) {
        try {
            if (HMAC.equals(algorithm)) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((data + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Office: HMAC-SHA-256 over the field values in the order of their names (keyVersion, sealAlgorithm, seal left out). */
    static String office(Map<String, ?> fields, String secret) {
        StringBuilder values = new StringBuilder();
        new TreeMap<>(fields).forEach((k, v) -> {
            if (!k.equals("seal") && !k.equals("keyVersion") && !k.equals("sealAlgorithm") && v != null) {
                values.append(v);
            }
        });
        return paypage(values.toString(), secret, HMAC);
    }

    static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
