package org.guichet.platform.privacy;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PseudonymTest {
    @Test
    void one_person_has_one_pseudonym_in_every_service() {
        assertEquals(Pseudonym.of("lib-kladno", "patron-0042"), Pseudonym.of("lib-kladno", "patron-0042"));
        assertTrue(Pseudonym.of("lib-kladno", "patron-0042").matches("pseudonym-[0-9a-f]{16}"));
    }

    @Test
    void the_same_account_id_in_another_institution_is_another_person() {
        assertNotEquals(Pseudonym.of("lib-kladno", "patron-0042"), Pseudonym.of("lib-slany", "patron-0042"));
        // the separator keeps "a/b" + "c" apart from "a" + "b/c"
        assertNotEquals(Pseudonym.of("lib", "kladno/x"), Pseudonym.of("lib/kladno", "x"));
    }

    @Test
    void ten_thousand_people_get_ten_thousand_pseudonyms() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(Pseudonym.of("lib-kladno", "patron-" + i));
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void the_pseudonym_shows_nothing_of_the_account_id() {
        String p = Pseudonym.of("lib-kladno", "patron-0042");
        assertFalse(p.contains("0042") || p.contains("kladno"));
    }

    @Test
    void a_pseudonymised_address_is_recognised_and_reaches_nobody() {
        String email = Pseudonym.email(Pseudonym.of("ville-namur", "citizen-7"));
        assertTrue(email.endsWith("@pseudonymised.invalid"));
        assertTrue(Pseudonym.isPseudonym(email));
        assertFalse(Pseudonym.isPseudonym("jana@example.cz"));
        assertFalse(Pseudonym.isPseudonym(null));
    }
}
