package org.guichet.platform.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventSealTest {
    static final String SECRET = "a-test-secret-of-at-least-32-characters";
    final EventSeal seal = new EventSeal(Optional.of(SECRET), true);

    @Test
    void a_sealed_link_opens_with_the_same_key_and_context_only() {
        String link = "https://pay.example.org/payment/refund-forms/Zk3v9Qm2Lx7Pq4Rt";
        String sealed = seal.seal(link, "refund-1");
        assertTrue(sealed.startsWith(EventSeal.PREFIX), sealed);
        assertFalse(sealed.contains("Zk3v9Qm2Lx7Pq4Rt"), "the token does not show");
        assertNotEquals(sealed, seal.seal(link, "refund-1"), "a fresh nonce each time");
        assertEquals(link, seal.open(sealed, "refund-1"));
        assertThrows(IllegalArgumentException.class, () -> seal.open(sealed, "refund-2"), "moved to another refund");
        assertThrows(IllegalArgumentException.class,
                () -> new EventSeal(Optional.of(SECRET + "x"), true).open(sealed, "refund-1"), "another key");
    }

    @Test
    void an_altered_or_foreign_value_is_refused() {
        String sealed = seal.seal("https://x/refund-forms/t", "r");
        int middle = sealed.length() / 2; // (the last character may hold only unused bits)
        String altered = sealed.substring(0, middle) + (sealed.charAt(middle) == 'A' ? 'B' : 'A') + sealed.substring(middle + 1);
        assertThrows(IllegalArgumentException.class, () -> seal.open(altered, "r"));
        assertThrows(IllegalArgumentException.class, () -> seal.open("https://x/refund-forms/t", "r"));
        assertThrows(IllegalArgumentException.class, () -> seal.open("gcm1:!!", "r"));
        assertThrows(IllegalArgumentException.class, () -> seal.open("gcm1:AAAA", "r"));
    }

    @Test
    void production_needs_a_long_secret_where_the_service_seals() {
        assertTrue(seal.violations().isEmpty());
        assertEquals("guichet.events.sealing.secret-key",
                new EventSeal(Optional.empty(), true).violations().get(0).setting());
        assertEquals(1, new EventSeal(Optional.of("short"), true).violations().size());
        assertTrue(new EventSeal(Optional.empty(), false).violations().isEmpty(), "a service that never seals");
        assertThrows(IllegalStateException.class, () -> new EventSeal(Optional.empty(), false).seal("x", "r"));
    }
}
