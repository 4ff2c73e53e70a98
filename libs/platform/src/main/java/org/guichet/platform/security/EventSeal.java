package org.guichet.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.platform.production.ProductionCheck;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Seals a secret that must travel in an event (a refund form's single-use link) so that only the services
 * holding {@code guichet.events.sealing.secret-key} can read it: topics are kept for ever and read by every
 * consumer, their dumps and dead letters (security review M7). AES-256-GCM, the key derived from the secret
 * by SHA-256, a fresh 96-bit nonce per seal, and a context (the aggregate's id) bound as associated data, so
 * a sealed value copied into another event does not open.
 *
 * <p>Rotating the secret makes values sealed before unreadable; the one sealed today, a refund form link,
 * expires after 30 days anyway.
 */
@ApplicationScoped
public class EventSeal implements ProductionCheck {
    static final String PREFIX = "gcm1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_SECRET_CHARS = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<String> secret;
    private final boolean required;

    EventSeal(@ConfigProperty(name = "guichet.events.sealing.secret-key") Optional<String> secret,
              @ConfigProperty(name = "guichet.events.sealing.required", defaultValue = "false") boolean required) {
        this.secret = secret.filter(s -> !s.isBlank());
        this.required = required;
    }

    /** The text sealed for {@code context}: {@code gcm1:} and the base64url of nonce, ciphertext and tag. */
    public String seal(String text, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, context, text.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    }

    /** The text sealed for {@code context}; an {@link IllegalArgumentException} when it was not, or was altered. */
    public String open(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a sealed value", e);
        }
        if (all.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("not a sealed value");
        }
        byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
        byte[] body = Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(run(Cipher.DECRYPT_MODE, nonce, context, body), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("sealed with another key or for another context, or altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private SecretKeySpec key() throws NoSuchAlgorithmException {
        String value = secret.orElseThrow(() -> new IllegalStateException(
                "guichet.events.sealing.secret-key is not set: this service cannot seal or open event secrets"));
        return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    /** Where a service seals or opens (payment, notification), production needs a long secret of its own. */
    @Override
    public List<Violation> violations() {
        if (required && secret.map(String::length).orElse(0) < MIN_SECRET_CHARS) {
            return List.of(new Violation("guichet.events.sealing.secret-key", "set a random secret of at least "
                    + MIN_SECRET_CHARS + " characters, the same in payment-service and notification-service "
                    + "(it seals refund-form links in events)"));
        }
        return List.of();
    }
}
