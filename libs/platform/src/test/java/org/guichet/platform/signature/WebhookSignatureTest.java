package org.guichet.platform.signature;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {
    static final String BODY = "{\"id\":\"sbx_1\",\"status\":\"paid\"}";
    static final Instant T = Instant.ofEpochSecond(1700000000L);
    /** Computed outside this code: printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac whsec_test */
    static final String OPENSSL_VECTOR = "dd9963e45a9ab4392bdc4594602d68dc325ef12554bd45360c9ff16a6693b250";

    @Test
    void matches_an_independently_computed_vector() {
        assertEquals("t=1700000000,v1=" + OPENSSL_VECTOR, WebhookSignature.header("whsec_test", T, BODY));
    }

    @Test
    void verifies_the_genuine_header() {
        String header = WebhookSignature.header("whsec_test", T, BODY);
        assertTrue(WebhookSignature.verify(header, BODY, List.of("whsec_test"), T.plusSeconds(10), Duration.ofMinutes(5)));
    }

    @Test
    void rejects_a_tampered_body_a_wrong_secret_and_a_stale_timestamp() {
        String header = WebhookSignature.header("whsec_test", T, BODY);
        assertFalse(WebhookSignature.verify(header, BODY.replace("paid", "PAID"), List.of("whsec_test"), T, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify(header, BODY, List.of("other"), T, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify(header, BODY, List.of("whsec_test"), T.plusSeconds(301), Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify("garbage", BODY, List.of("whsec_test"), T, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify(null, BODY, List.of("whsec_test"), T, Duration.ofMinutes(5)));
    }

    @Test
    void accepts_any_of_several_secrets_during_rotation() {
        String header = WebhookSignature.header("new-secret", T, BODY);
        assertTrue(WebhookSignature.verify(header, BODY, List.of("old-secret", "new-secret"), T, Duration.ofMinutes(5)));
    }
}
