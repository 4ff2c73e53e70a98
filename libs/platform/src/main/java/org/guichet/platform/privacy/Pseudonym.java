package org.guichet.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a person is called once their personal data is past its retention period: {@code pseudonym-}
 * and 16 hex digits of SHA-256 over the institution (length-prefixed) and the account id (the token subject). The same
 * person gets the same pseudonym in every service, so finance can still tell that two old
 * transactions were one payer's. It is made from the account id only, never from a name or an address:
 * it cannot be turned back into anything the rows do not keep anyway (they keep the account id, R17),
 * and it says nothing of who the person was.
 */
public final class Pseudonym {
    public static final String PREFIX = "pseudonym-";
    /** The domain of pseudonymised email addresses: reserved (RFC 2606), never delivered. */
    public static final String EMAIL_DOMAIN = "pseudonymised.invalid";

    private Pseudonym() {
    }

    public static String of(String tenant, String subject) {
        try {
            // the tenant's length in characters first: "a/b" + "c" and "a" + "b/c" differ
            String input = "guichet-pseudonym/v1:" + tenant.codePointCount(0, tenant.length()) + ":" + tenant + "/" + subject;
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The same function in PostgreSQL, for set-based updates over many people at once: an SQL expression
     * of the tenant's and the subject's expressions (e.g. {@code sql("?1", "p.owner")}). Tested to agree
     * with {@link #of} in the services' tests.
     */
    public static String sql(String tenant, String subject) {
        return "('" + PREFIX + "' || left(encode(sha256(convert_to('guichet-pseudonym/v1:' || length(" + tenant
                + ") || ':' || " + tenant + " || '/' || " + subject + ", 'UTF8')), 'hex'), 16))";
    }

    /** {@link #email} in SQL, of a pseudonym expression. */
    public static String emailSql(String pseudonym) {
        return "(" + pseudonym + " || '@" + EMAIL_DOMAIN + "')";
    }

    /** The address that replaces a pseudonymised person's email: shows there was one, reaches nobody. */
    public static String email(String pseudonym) {
        return pseudonym + "@" + EMAIL_DOMAIN;
    }

    /** True for a value this class made (a name or an address already pseudonymised). */
    public static boolean isPseudonym(String value) {
        return value != null && value.startsWith(PREFIX);
    }
}
