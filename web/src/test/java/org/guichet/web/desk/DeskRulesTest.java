package org.guichet.web.desk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desk's small rules: the reader's language, production's refusals. */
class DeskRulesTest {

    @Test
    void the_browsers_language_is_used_when_the_desk_has_it() {
        assertEquals("nl", Pages.fromBrowser("nl-BE,nl;q=0.9,fr;q=0.8"));
        assertEquals("cs", Pages.fromBrowser("de-DE, cs;q=0.5"));
        assertEquals("en", Pages.fromBrowser("de-DE"));
        assertEquals("en", Pages.fromBrowser(null));
        assertEquals("en", Pages.fromBrowser(";;;q=x"));
    }

    @Test
    void production_refuses_the_development_settings() {
        assertEquals(3, ProductionGuard.problems("", "desk-dev-secret", false).size());
        assertEquals(1, ProductionGuard.problems("https://id.example.be/realms/guichet", ProductionGuard.DEMO_SECRET, true).size());
        assertTrue(ProductionGuard.problems("https://id.example.be/realms/guichet", "x".repeat(32), true).isEmpty());
    }
}
