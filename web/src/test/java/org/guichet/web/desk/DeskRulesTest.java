package org.guichet.web.desk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void only_the_desks_own_pages_may_post() {
        assertTrue(SameOrigin.allowed("http://127.0.0.1:8086", null, "127.0.0.1:8086"));
        assertTrue(SameOrigin.allowed("https://desk.namur.be", "same-origin", "desk.namur.be"));
        assertTrue(SameOrigin.allowed(null, "same-origin", "desk.namur.be"), "a browser that sends no Origin");
        assertFalse(SameOrigin.allowed("https://evil.example", "cross-site", "desk.namur.be"));
        assertFalse(SameOrigin.allowed("http://127.0.0.1:9999", null, "127.0.0.1:8086"), "another port is another site");
        assertFalse(SameOrigin.allowed("null", "cross-site", "desk.namur.be"), "a sandboxed frame");
        assertFalse(SameOrigin.allowed(null, null, "desk.namur.be"), "no browser said where it came from");
        assertFalse(SameOrigin.allowed(null, "same-site", "desk.namur.be"), "a sibling subdomain is not the desk");
    }
}
