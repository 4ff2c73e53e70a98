package org.guichet.billing.fine;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R13 (Kladno): 5 CZK per item and operating day; fixed at 10, 30 and 60 operating days. */
class LateFeeRulesTest {
    static final FinePolicy KLADNO = new FinePolicy(500, 0, OptionalLong.empty(), false, List.of(10, 30, 60));
    static final OperatingCalendar CLOSED_SUNDAYS_AND_CHRISTMAS = new OperatingCalendar(Set.of(DayOfWeek.SUNDAY),
            Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)));

    @Test
    void R13_the_kladno_table() {
        // days 1-9: accruing, nothing payable
        for (int day = 1; day <= 9; day++) {
            assertEquals(day * 500L, KLADNO.accrued(day, null));
            assertEquals(0, KLADNO.fixedTarget(day, null), "day " + day + ": nothing fixed yet");
        }
        // day 10: 50 CZK fixed; days 10-29 payable 50, the rest keeps accruing unpaid
        assertEquals(5000, KLADNO.fixedTarget(10, null));
        assertEquals(5000, KLADNO.fixedTarget(29, null));
        assertEquals(14_500, KLADNO.accrued(29, null));
        // day 30: 150 CZK; day 60: 300 CZK; accrual continues after fixation
        assertEquals(15_000, KLADNO.fixedTarget(30, null));
        assertEquals(15_000, KLADNO.fixedTarget(59, null));
        assertEquals(30_000, KLADNO.fixedTarget(60, null));
        assertEquals(40_000, KLADNO.accrued(80, null));
        assertEquals(30_000, KLADNO.fixedTarget(80, null));
    }

    @Test
    void R13_closed_days_do_not_count() {
        // due Friday 2026-12-18; returned Monday 2026-12-28: Sat 19, Mon 21, Tue 22, Wed 23, Sun/24-26 closed, Sat 26 closed, Mon 28
        assertEquals(5, CLOSED_SUNDAYS_AND_CHRISTMAS.operatingDaysAfter(LocalDate.of(2026, 12, 18), LocalDate.of(2026, 12, 28)));
        assertEquals(0, CLOSED_SUNDAYS_AND_CHRISTMAS.operatingDaysAfter(LocalDate.of(2026, 12, 18), LocalDate.of(2026, 12, 18)));
        assertEquals(0, CLOSED_SUNDAYS_AND_CHRISTMAS.operatingDaysAfter(LocalDate.of(2026, 12, 23), LocalDate.of(2026, 12, 27)));
    }

    @Test
    void grace_period_and_caps() {
        FinePolicy policy = new FinePolicy(100, 3, OptionalLong.of(2000), true, List.of());
        assertEquals(0, policy.accrued(3, 5000L));
        assertEquals(200, policy.accrued(5, 5000L));
        assertEquals(2000, policy.accrued(500, 5000L), "maximum per item");
        assertEquals(800, policy.accrued(500, 800L), "capped at the replacement cost");
        assertEquals(0, policy.fixedTarget(500, 800L), "no thresholds: nothing fixed");
    }

    /** Property: the fixed part never exceeds the running fee, and neither ever decreases with time. */
    @RepeatedTest(100)
    void fixed_never_exceeds_accrued_and_both_only_grow() {
        Random r = new Random(System.nanoTime());
        FinePolicy p = new FinePolicy(1 + r.nextInt(1000), r.nextInt(5),
                r.nextBoolean() ? OptionalLong.of(1 + r.nextInt(100_000)) : OptionalLong.empty(), r.nextBoolean(),
                List.of(1 + r.nextInt(10), 11 + r.nextInt(30), 41 + r.nextInt(60)));
        Long replacement = r.nextBoolean() ? (long) r.nextInt(50_000) : null;
        long lastAccrued = 0;
        long lastFixed = 0;
        for (int day = 0; day < 200; day++) {
            long accrued = p.accrued(day, replacement);
            long fixed = p.fixedTarget(day, replacement);
            assertTrue(fixed <= accrued);
            assertTrue(accrued >= lastAccrued && fixed >= lastFixed);
            lastAccrued = accrued;
            lastFixed = fixed;
        }
    }

    @org.junit.jupiter.api.Test
    void a_weekly_fee_is_charged_per_started_week_after_the_grace_days() {
        FinePolicy weekly = new FinePolicy(1000, 7, 1, OptionalLong.empty(), false, List.of());
        org.junit.jupiter.api.Assertions.assertEquals(0, weekly.accrued(1, null));
        org.junit.jupiter.api.Assertions.assertEquals(1000, weekly.accrued(2, null));
        org.junit.jupiter.api.Assertions.assertEquals(1000, weekly.accrued(8, null));
        org.junit.jupiter.api.Assertions.assertEquals(2000, weekly.accrued(9, null));
        org.junit.jupiter.api.Assertions.assertEquals(weekly.accrued(9, null),
                weekly.forLoan(null, null, null).accrued(9, null));
        org.junit.jupiter.api.Assertions.assertEquals(300, weekly.forLoan(100L, 1, 0).accrued(3, null));
    }

    @org.junit.jupiter.api.Test
    void hours_of_closed_days_do_not_count_for_an_hourly_fee() {
        OperatingCalendar sundaysClosed = new OperatingCalendar(Set.of(DayOfWeek.SUNDAY), Set.of());
        java.time.ZoneId prague = java.time.ZoneId.of("Europe/Prague");
        java.time.Instant saturday22 = java.time.ZonedDateTime.of(2026, 11, 21, 22, 0, 0, 0, prague).toInstant();
        java.time.Instant monday02 = java.time.ZonedDateTime.of(2026, 11, 23, 2, 0, 0, 0, prague).toInstant();
        assertEquals(240, sundaysClosed.operatingMinutesBetween(saturday22, monday02, prague));
        assertEquals(0, sundaysClosed.operatingMinutesBetween(monday02, saturday22, prague));
        FinePolicy hourly = new FinePolicy(2000, 1, 1, OptionalLong.empty(), false, List.of(), true);
        assertEquals(3 * 2000, hourly.accrued(4, null));
    }
}
