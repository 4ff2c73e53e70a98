package org.guichet.payment.gateway;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SHA-IN against vectors computed independently (Python's hashlib over the same rule: upper-case
 * keys, empty values dropped, sorted, KEY=value+passphrase, ISO-8859-1 bytes, upper-case hex).
 */
class OgoneShaTest {
    static Map<String, String> order() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("PSPID", "GUICHETNAMUR");
        p.put("orderID", "NAMUR-ETAT-CIVIL-000042");
        p.put("AMOUNT", "1500");
        p.put("CURRENCY", "EUR");
        p.put("LANGUAGE", "fr_BE");
        p.put("CN", "Élise Dubois");
        p.put("EMAIL", "");
        p.put("ACCEPTURL", "http://127.0.0.1:8083/payments/x/return");
        return p;
    }

    @Test
    void sha_in_matches_independently_computed_vectors_for_the_three_algorithms() {
        String pass = "Sha-In_Passphrase-2026!";
        assertEquals("60D196481986E0D26F0B213CC302AE67466104E9", OgoneSha.sign(order(), OgoneSha.IN, pass, "SHA-1"));
        assertEquals("CCD861D84FF774ACEE1828DC9646D681535C59A7207C57200D3FBE262FA06DD6",
                OgoneSha.sign(order(), OgoneSha.IN, pass, "SHA-256"));
        assertEquals("8963F0ECADAC3A6C22485BF8C80BFD942ADFBAFF29F3AC8BAA3A75AE5C7EF2BA82C1C3E4A1FB6E934D5133BB674CAEAF8CC9C446DCEA34E9BF1C73D6353BC8C0",
                OgoneSha.sign(order(), OgoneSha.IN, pass, "SHA512"));
    }

    @Test
    void a_parameter_outside_the_list_is_not_signed_and_signatures_compare_without_case() {
        Map<String, String> withExtra = order();
        withExtra.put("NOT_IN_THE_LIST", "x");
        String pass = "Sha-In_Passphrase-2026!";
        assertEquals(OgoneSha.sign(order(), OgoneSha.IN, pass, "SHA-256"), OgoneSha.sign(withExtra, OgoneSha.IN, pass, "SHA-256"));
        assertTrue(OgoneSha.same("CCD861D84F", "ccd861d84f"));
        assertFalse(OgoneSha.same("CCD861D84F", "CCD861D84E"));
        assertFalse(OgoneSha.same("CCD861D84F", null));
    }
}
