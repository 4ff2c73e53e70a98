package org.guichet.platform.money;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyTest {

    @Test
    void adds_and_subtracts_exactly_in_minor_units() {
        Money a = Money.of(1050, "EUR");
        Money b = Money.of(995, "EUR");
        assertEquals(Money.of(2045, "EUR"), a.plus(b));
        assertEquals(Money.of(55, "EUR"), a.minus(b));
        assertEquals(Money.of(-55, "EUR"), b.minus(a));
    }

    @Test
    void refuses_to_mix_currencies() {
        assertThrows(CurrencyMismatchException.class, () -> Money.of(1, "EUR").plus(Money.of(1, "CZK")));
        assertThrows(CurrencyMismatchException.class, () -> Money.of(1, "EUR").compareTo(Money.of(1, "CZK")));
    }

    @Test
    void refuses_unknown_currency_codes() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(1, "XXY"));
    }

    @Test
    void overflow_is_an_error_not_a_wrap() {
        assertThrows(ArithmeticException.class, () -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")));
    }

    @Test
    void decimal_text_uses_the_currency_scale() {
        assertEquals("50.00", Money.of(5000, "CZK").toDecimalString());
        assertEquals("0.07", Money.of(7, "EUR").toDecimalString());
        assertEquals("-1.50", Money.of(-150, "EUR").toDecimalString());
        assertEquals("1500", Money.of(1500, "JPY").toDecimalString());
    }

    @Test
    void comparisons() {
        assertTrue(Money.of(2, "EUR").greaterThan(Money.of(1, "EUR")));
        assertEquals(Money.of(1, "EUR"), Money.of(2, "EUR").min(Money.of(1, "EUR")));
        assertTrue(Money.zero("EUR").isZero());
    }
}
