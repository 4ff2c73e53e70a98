package org.guichet.reporting;

import org.guichet.platform.error.ProblemException;
import org.guichet.reporting.transaction.SearchFilter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** M4: the back office's amount filters (?min=, ?max=) never build a huge number. */
class SearchFilterAmountTest {

    static ProblemException refused(String min, String max) {
        return assertThrows(ProblemException.class, () -> new SearchFilter().amountsFromDecimal(min, max));
    }

    @Test
    void M4_an_exponent_or_a_long_amount_is_a_400_at_once() {
        ProblemException e = refused("1E+100000000", null);
        assertEquals(400, e.status());
        assertEquals("min", e.errors().get(0).field());
        assertEquals("max", refused(null, "1e+50000000").errors().get(0).field());
        assertEquals(400, refused("9".repeat(10_000), null).status());
        assertEquals(400, refused("12,5E3", null).status());
        new SearchFilter().amountsFromDecimal("12,50", "1000.00");
    }
}
