package org.guichet.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints RS256 bearer tokens signed with the development key, exactly as an OIDC provider would
 * (issuer, subject, tenant, groups, expiry). JDK only, so the launcher and the demo use it too.
 * {@code java -cp ... org.guichet.testing.DevTokens --role agent --sub agent-1 --tenant lib-kladno}
 */
public final class DevTokens {
    public static final String ISSUER = "https://guichet.local/dev";
    private static final PrivateKey KEY = loadKey();

    private DevTokens() {
    }

    public static String mint(String subject, String tenant, String... roles) {
        return mint(subject, tenant, null, null, "fr", 3600, roles);
    }

    public static String mint(String subject, String tenant, String name, String email, String locale,
                              long lifetimeSeconds, String... roles) {
        return sign(KEY, ISSUER, null, subject, tenant, name, email, locale, lifetimeSeconds, roles);
    }

    /** A token of another issuer, signed with its key (a production-like provider of the test's own). */
    public static String mintWith(PrivateKey key, String issuer, String audience, String subject, String tenant, String... roles) {
        return sign(key, issuer, audience, subject, tenant, null, null, "fr", 3600, roles);
    }

    private static String sign(PrivateKey key, String issuer, String audience, String subject, String tenant, String name,
                               String email, String locale, long lifetimeSeconds, String... roles) {
        long now = Instant.now().getEpochSecond();
        StringBuilder claims = new StringBuilder("{");
        claims.append("\"iss\":").append(quote(issuer));
        if (audience != null) {
            claims.append(",\"aud\":").append(quote(audience));
        }
        claims.append(",\"sub\":").append(quote(subject));
        claims.append(",\"tenant\":").append(quote(tenant));
        claims.append(",\"groups\":[").append(List.of(roles).stream().map(DevTokens::quote)
                .collect(Collectors.joining(","))).append(']');
        if (name != null) {
            claims.append(",\"name\":").append(quote(name));
        }
        if (email != null) {
            claims.append(",\"email\":").append(quote(email));
        }
        if (locale != null) {
            claims.append(",\"locale\":").append(quote(locale));
        }
        claims.append(",\"iat\":").append(now).append(",\"exp\":").append(now + lifetimeSeconds);
        claims.append(",\"jti\":").append(quote(UUID.randomUUID().toString())).append('}');
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
            return header + "." + body + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PrivateKey loadKey() {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream("dev-keys/jwt-private.pem")) {
            if (in == null) {
                throw new IllegalStateException("dev-keys/jwt-private.pem is not on the classpath");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development signing key", e);
        }
    }

    public static void main(String[] args) {
        String role = "citizen";
        String sub = null;
        String tenant = "lib-kladno";
        String name = null;
        String email = null;
        String locale = "fr";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--role" -> role = args[i + 1];
                case "--sub" -> sub = args[i + 1];
                case "--tenant" -> tenant = args[i + 1];
                case "--name" -> name = args[i + 1];
                case "--email" -> email = args[i + 1];
                case "--locale" -> locale = args[i + 1];
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (sub == null) {
            sub = role + "-1";
        }
        System.out.println(mint(sub, tenant, name, email, locale, 8 * 3600, role.split(",")));
    }
}
