package org.guichet.payment.gateway;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Ogone's decimal AMOUNT in a result, read as minor units to be compared with the payment's (finding H1, SECURITY.md). */
class OgoneAmountTest {
    @Test
    void decimal_amounts_in_minor_units_and_anything_else_unreadable() {
        assertEquals(1500L, OgoneGatewayAdapter.minorUnits("15", "EUR"));
        assertEquals(1550L, OgoneGatewayAdapter.minorUnits("15.5", "EUR"));
        assertEquals(1505L, OgoneGatewayAdapter.minorUnits("15.05", "CZK"));
        assertEquals(15L, OgoneGatewayAdapter.minorUnits("15", "JPY"));
        assertNull(OgoneGatewayAdapter.minorUnits("15.005", "EUR"), "more decimals than the currency has");
        assertNull(OgoneGatewayAdapter.minorUnits("1e3", "EUR"));
        assertNull(OgoneGatewayAdapter.minorUnits("-15", "EUR"));
        assertNull(OgoneGatewayAdapter.minorUnits("9".repeat(5000), "EUR"), "no unbounded parsing");
        assertNull(OgoneGatewayAdapter.minorUnits(null, "EUR"));
        assertNull(OgoneGatewayAdapter.minorUnits("15", "XYZ"), "an unknown currency");
    }
}
