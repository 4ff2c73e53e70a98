package org.guichet.web.desk;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Amounts typed at the counter and amounts and dates shown as the institution writes them. */
class AmountsTest {

    @Test
    void typed_amounts_become_minor_units_with_a_comma_or_a_dot() {
        assertEquals(1250, Amounts.parse("12,50", "EUR"));
        assertEquals(1250, Amounts.parse("12.5", "EUR"));
        assertEquals(2000, Amounts.parse(" 20 ", "EUR"));
        assertEquals(5000, Amounts.parse("50", "CZK"));
        assertEquals(150000, Amounts.parse("1 500,00", "CZK"), "a space between thousands is allowed");
    }

    @Test
    void anything_else_is_refused_not_guessed() {
        for (String bad : new String[] {"", "12,505", "-5", "1e3", "12,50 €", "twelve", "1.234,56", null}) {
            assertThrows(IllegalArgumentException.class, () -> Amounts.parse(bad, "EUR"), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> Amounts.parse("5,5", "JPY"), "yen have no decimals");
    }

    @Test
    void amounts_in_the_institutions_format_and_dates_in_its_zone() {
        Formats namur = new Formats(Locale.forLanguageTag("fr-BE"), ZoneId.of("Europe/Brussels"), Locale.ENGLISH);
        assertEquals("12,50 €", namur.money(1250, "EUR").replace('\u00a0', ' ').replace('\u202f', ' '));
        Formats kladno = new Formats(Locale.forLanguageTag("cs-CZ"), ZoneId.of("Europe/Prague"), Locale.forLanguageTag("cs"));
        assertEquals("50,00 Kč", kladno.money(5000, "CZK").replace('\u00a0', ' '));
        assertEquals("12,50", namur.plain(1250, "EUR"));
        assertEquals("12.50", namur.decimal(1250, "EUR"));
        // 23:30 UTC on 31 December is already New Year's Day in Brussels
        assertEquals(namur.date(LocalDate.of(2027, 1, 1)), namur.date(Instant.parse("2026-12-31T23:30:00Z")));
    }
}
