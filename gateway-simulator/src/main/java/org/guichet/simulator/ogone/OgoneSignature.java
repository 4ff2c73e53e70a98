package org.guichet.simulator.ogone;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ingenico/Ogone SHA-IN and SHA-OUT (docs/gateways.md): keys upper-cased, only the allow-listed ones,
 * empty values dropped, sorted alphabetically, each {@code KEY=value} followed by the passphrase,
 * hashed (SHA-1, SHA-256 or SHA-512), upper-case hex. The simulator's own copy: the adapter in
 * payment-service has its own, and both are checked against independently computed vectors.
 */
public final class OgoneSignature {
    /** The parameters SHA-OUT covers (the subset of Ogone's list that the simulator returns). */
    public static final Set<String> OUT = Set.of("AAVADDRESS", "ACCEPTANCE", "AMOUNT", "BRAND", "CARDNO", "CN",
            "CURRENCY", "ED", "IP", "NCERROR", "ORDERID", "PAYID", "PM", "STATUS", "TRXDATE");

    private OgoneSignature() {
    }

    public static String sign(Map<String, String> params, Set<String> allowed, String passphrase, String algorithm) {
        Map<String, String> sorted = new TreeMap<>();
        params.forEach((k, v) -> {
            String key = k.toUpperCase(Locale.ROOT);
            if (v != null && !v.isEmpty() && !key.equals("SHASIGN") && (allowed == null || allowed.contains(key))) {
                sorted.put(key, v);
            }
        });
        StringBuilder s = new StringBuilder();
        sorted.forEach((k, v) -> s.append(k).append('=').append(v).append(passphrase));
        try {
            MessageDigest digest = MessageDigest.getInstance(switch (algorithm) {
                case "SHA-1", "SHA1" -> "SHA-1";
                case "SHA-512", "SHA512" -> "SHA-512";
                default -> "SHA-256";
            });
            // the values are ISO-8859-1 at Ogone
            return HexFormat.of().withUpperCase().formatHex(digest.digest(s.toString().getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
