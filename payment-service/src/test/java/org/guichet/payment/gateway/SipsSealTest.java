package org.guichet.payment.gateway;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Sips seals against vectors computed independently (Python's hmac and hashlib). */
class SipsSealTest {
    static final String DATA = "amount=1500|currencyCode=978|merchantId=002001000000001|normalReturnUrl="
            + "http://127.0.0.1:8083/payments/x/return|automaticResponseUrl=http://127.0.0.1:8083/callbacks/sips|"
            + "transactionReference=NAMURREPASSCOLAIRES000001|keyVersion=1|orderChannel=INTERNET";
    static final String SECRET = "002001000000001_KEY1";

    @Test
    void both_paypage_seal_algorithms_match_independent_vectors() {
        assertEquals("3bb9675a8070862171522ed70967e335d80249640d753c7221b73f8efaa2d14b",
                SipsSeal.paypage(DATA + "|sealAlgorithm=HMAC-SHA-256", SECRET, "HMAC-SHA-256"));
        assertEquals("b1f2691fb6c6c78cbbdd89bd372cff382738cc0299955e24180536717868d36c",
                SipsSeal.paypage(DATA, SECRET, "SHA-256"));
    }

    @Test
    void the_office_seal_covers_the_values_sorted_by_key_without_key_version() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("transactionReference", "NAMURREPASSCOLAIRES000001");
        request.put("keyVersion", 1);
        request.put("merchantId", "002001000000001");
        request.put("interfaceVersion", "DR_WS_2.20");
        assertEquals("c8e92b966a259e22c627d866c7d8a6239228237d5da50943c4da29ff15491711", SipsSeal.office(request, SECRET));
        assertFalse(SipsSeal.same("c8e92b96", "c8e92b97"));
    }
}
