package org.guichet.payment.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ogone's SHA-IN / SHA-OUT: upper-cased allow-listed keys with non-empty values, in alphabetical
 * order, each as {@code KEY=value} + passphrase, hashed over ISO-8859-1 bytes, upper-case hex.
 */
final class OgoneSha {
    /** What the adapter sends, all of it in Ogone's SHA-IN list. */
    static final Set<String> IN = Set.of("ACCEPTURL", "AMOUNT", "CANCELURL", "CN", "CURRENCY", "DECLINEURL", "EMAIL",
            "EXCEPTIONURL", "LANGUAGE", "OPERATION", "ORDERID", "PAYID", "PSPID", "PSWD", "USERID");
    /** Ogone's SHA-OUT list (the part a payment's result can carry). */
    static final Set<String> OUT = Set.of("AAVADDRESS", "AAVCHECK", "AAVZIP", "ACCEPTANCE", "ALIAS", "AMOUNT", "BIN",
            "BRAND", "CARDNO", "CCCTY", "CN", "COMPLUS", "CREATION_STATUS", "CURRENCY", "CVCCHECK", "DCC_COMMPERCENTAGE",
            "DCC_CONVAMOUNT", "DCC_CONVCCY", "DCC_EXCHRATE", "DCC_EXCHRATESOURCE", "DCC_EXCHRATETS", "DCC_INDICATOR",
            "DCC_MARGINPERCENTAGE", "DCC_VALIDHOURS", "DIGESTCARDNO", "ECI", "ED", "ENCCARDNO", "IP", "IPCTY",
            "NBREMAILUSAGE", "NBRIPUSAGE", "NBRIPUSAGE_ALLTX", "NBRUSAGE", "NCERROR", "ORDERID", "PAYID", "PM",
            "SCO_CATEGORY", "SCORING", "STATUS", "SUBBRAND", "SUBSCRIPTION_ID", "TRXDATE", "VC");

    private OgoneSha() {
    }

    static String sign(Map<String, String> params, Set<String> allowList, String passphrase, String algorithm) {
        String text = params.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> Map.entry(e.getKey().toUpperCase(Locale.ROOT), e.getValue()))
                .filter(e -> allowList.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue() + passphrase)
                .collect(Collectors.joining());
        try {
            String jca = algorithm.replace("SHA", "SHA-").replace("--", "-");
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance(jca)
                    .digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("unknown SHA algorithm " + algorithm, e);
        }
    }

    /** Constant-time comparison of two hex signatures, case-insensitive. */
    static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
