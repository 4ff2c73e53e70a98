package org.guichet.cart.procedure;

import org.guichet.platform.error.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R19's birth-certificate copy: reason employment 0 / family allowance 5.00, delivery digital +0 / postal +7.00. */
class ProcedurePricingTest {

    static Procedure birthCertificate() {
        Procedure p = new Procedure();
        p.code = "birth-certificate";
        p.currency = "EUR";
        p.basePrice = 0;
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put("EMPLOYMENT", 0L);
        reasons.put("FAMILY_ALLOWANCE", 500L);
        Map<String, Long> delivery = new LinkedHashMap<>();
        delivery.put("DIGITAL", 0L);
        delivery.put("POSTAL", 700L);
        p.setCriteria(List.of(new Criterion("reason", reasons), new Criterion("delivery", delivery)));
        p.validFrom = LocalDate.of(2026, 1, 1);
        p.validUntil = LocalDate.of(2026, 12, 31);
        return p;
    }

    @ParameterizedTest
    @CsvSource({"EMPLOYMENT, DIGITAL, 0", "EMPLOYMENT, POSTAL, 700", "FAMILY_ALLOWANCE, DIGITAL, 500",
            "FAMILY_ALLOWANCE, POSTAL, 1200"})
    void every_combination_of_the_seed_costs_0_5_7_or_12(String reason, String delivery, long expected) {
        Quote q = birthCertificate().price(Map.of("reason", reason, "delivery", delivery));
        assertEquals(expected, q.amount());
        assertEquals(2, q.lines().size());
        assertEquals(expected, q.lines().stream().mapToLong(Quote.Line::amount).sum());
    }

    @Test
    void a_missing_unknown_or_extra_criterion_is_refused_with_its_field() {
        ProblemException missing = assertThrows(ProblemException.class,
                () -> birthCertificate().price(Map.of("reason", "EMPLOYMENT")));
        assertEquals("criteria.delivery", missing.errors().get(0).field());
        ProblemException unknown = assertThrows(ProblemException.class,
                () -> birthCertificate().price(Map.of("reason", "TOURISM", "delivery", "DIGITAL")));
        assertTrue(unknown.errors().get(0).message().contains("TOURISM"));
        ProblemException extra = assertThrows(ProblemException.class, () -> birthCertificate().price(
                Map.of("reason", "EMPLOYMENT", "delivery", "DIGITAL", "colour", "red")));
        assertEquals("criteria.colour", extra.errors().get(0).field());
    }

    @Test
    void a_procedure_is_open_within_its_validity_dates_only() {
        assertTrue(birthCertificate().openOn(LocalDate.of(2026, 6, 1)));
        assertFalse(birthCertificate().openOn(LocalDate.of(2027, 1, 1)));
        assertFalse(birthCertificate().openOn(LocalDate.of(2025, 12, 31)));
    }
}
