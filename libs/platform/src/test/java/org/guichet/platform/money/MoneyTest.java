package org.guichet.platform.money;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyTest {

    @Test
    void refuses_unknown_currency_codes() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(1, "XXY"));
    }

    @Test
    void an_amount_too_precise_for_its_currency_is_refused() {
        assertThrows(ArithmeticException.class, () -> Money.parse("18.425", "EUR"));
        assertThrows(ArithmeticException.class, () -> Money.parse("1.5", "JPY"));
        assertEquals(Money.of(1500, "JPY"), Money.parse("1500", "JPY"));
    }

    @Test
    void decimal_text_uses_the_currency_scale() {
        assertEquals("50.00", Money.of(5000, "CZK").toDecimalString());
        assertEquals("0.07", Money.of(7, "EUR").toDecimalString());
        assertEquals("-1.50", Money.of(-150, "EUR").toDecimalString());
        assertEquals("1500", Money.of(1500, "JPY").toDecimalString());
    }

    @Test
    void M4_parse_refuses_an_exponent_or_a_long_input_before_any_arithmetic() {
        assertThrows(NumberFormatException.class, () -> Money.parse("1E+100000000", "EUR"));
        assertThrows(NumberFormatException.class, () -> Money.parse("1e5", "EUR"));
        assertThrows(NumberFormatException.class, () -> Money.parse("1".repeat(100_000), "EUR"));
        assertThrows(NumberFormatException.class, () -> Money.parse("12.5000000000000000000", "EUR"));
        assertThrows(NumberFormatException.class, () -> Money.parse("12,50", "EUR"));
        assertThrows(NumberFormatException.class, () -> Money.parse(".5", "EUR"));
        assertEquals(Money.of(1842, "EUR"), Money.parse(" 18.42 ", "EUR"));
        assertEquals(Money.of(-1800, "EUR"), Money.parse("-18", "EUR"));
        assertEquals(Money.of(100_000_000_000_000L, "EUR"), Money.parse("1000000000000.00", "EUR"));
        assertThrows(ArithmeticException.class, () -> Money.parse("99999999999999999999", "EUR"), "beyond a long");
    }

    @Test
    void L12_amounts_are_bounded_well_below_overflow() {
        assertTrue(Money.withinBounds(Money.MAX_AMOUNT));
        assertTrue(Money.withinBounds(0));
        assertTrue(!Money.withinBounds(Money.MAX_AMOUNT + 1));
        assertTrue(!Money.withinBounds(-1));
        // a few million maximal amounts still add up without wrapping
        assertTrue(Long.MAX_VALUE / Money.MAX_AMOUNT > 9_000_000);
    }

    @Test
    void H3_only_iso_4217_codes_are_currencies() {
        assertTrue(Money.isCurrency("EUR"));
        assertTrue(Money.isCurrency("CZK"));
        assertTrue(!Money.isCurrency("eur"));
        assertTrue(!Money.isCurrency("ABC"));
        assertTrue(!Money.isCurrency("EURO"));
        assertTrue(!Money.isCurrency(null));
    }
}
