package org.guichet.billing.fine;

import org.guichet.billing.institution.InstitutionsConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * R2, R13: the running fee the desk shows for a loan not returned is what a return now would bill beyond what is
 * already fixed — by the loan's own rate, to the institution's today (to now for an hourly loan).
 */
class AccountLoansTest {
    static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
    static final LocalDate TUESDAY = LocalDate.of(2026, 12, 8);
    static final Instant NOW = LocalDateTime.of(2026, 12, 8, 13, 30).atZone(PRAGUE).toInstant();

    /** Closed on Sundays; 5 CZK per operating day, fixed at 10 days. */
    static InstitutionsConfig.Institution kladno() {
        FinePolicy policy = new FinePolicy(500, 1, 0, OptionalLong.empty(), false, List.of(10), false);
        OperatingCalendar calendar = new OperatingCalendar(Set.of(DayOfWeek.SUNDAY), Set.of());
        return (InstitutionsConfig.Institution) Proxy.newProxyInstance(AccountLoansTest.class.getClassLoader(),
                new Class<?>[] {InstitutionsConfig.Institution.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "finePolicy" -> Optional.of(policy);
                    case "calendar" -> calendar;
                    case "timeZone" -> PRAGUE;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static Loan loan(LocalDate due) {
        Loan l = new Loan();
        l.id = UUID.randomUUID();
        l.externalId = "L-" + due;
        l.itemBarcode = "3123";
        l.dueDate = due;
        l.firstDueDate = due;
        l.currency = "CZK";
        return l;
    }

    static AccountLoanView view(Loan l) {
        return AccountLoans.view(l, kladno(), TUESDAY, NOW);
    }

    @Test
    void a_day_loan_counts_operating_days_to_today_beyond_what_is_fixed_and_within_its_cap() {
        Loan l = loan(LocalDate.of(2026, 12, 1)); // Wed..Tue without Sunday: 6 operating days, 30 CZK
        l.accrued = 2000;                         // last night's accrual was behind: what counts is today's
        AccountLoanView v = view(l);
        assertEquals(AccountLoanView.OVERDUE, v.status());
        assertEquals(6, v.overdueDays());
        assertEquals(3000, v.runningFee());

        l.fixed = 2000;
        assertEquals(1000, view(l).runningFee(), "the fixed part is on the bills");
        l.feeCap = 2500L;
        assertEquals(500, view(l).runningFee(), "a fee never passes the loan's cap");
        l.fineAmount = 100L;                      // lent under a child's rate: 1 CZK a day
        l.feeCap = null;
        l.fixed = 0;
        assertEquals(600, view(l).runningFee());
    }

    @Test
    void an_hourly_loan_counts_the_started_hours_until_now_after_its_grace() {
        Loan l = loan(TUESDAY);
        l.finePerHour = true;
        l.fineAmount = 2000L;
        l.graceDays = 1;                           // an hourly loan's grace is in hours
        l.dueAt = LocalDateTime.of(2026, 12, 8, 10, 0).atZone(PRAGUE).toInstant();
        AccountLoanView v = view(l);               // 3 h 30 min late: 4 started hours, 3 after the grace
        assertEquals(AccountLoanView.OVERDUE, v.status());
        assertEquals(0, v.overdueDays());
        assertEquals(6000, v.runningFee());
        l.dueAt = LocalDateTime.of(2026, 12, 8, 14, 0).atZone(PRAGUE).toInstant();
        assertEquals(AccountLoanView.ON_LOAN, view(l).status(), "due this afternoon");
    }

    @Test
    void a_loan_not_yet_due_owes_nothing_more_and_a_lost_one_keeps_what_its_declaration_settled() {
        Loan renewed = loan(TUESDAY);              // due today: not late before the day ends
        renewed.accrued = 1500;                    // accrued before a renewal moved the due date on
        AccountLoanView v = view(renewed);
        assertEquals(AccountLoanView.ON_LOAN, v.status());
        assertEquals(0, v.runningFee());

        Loan lost = loan(LocalDate.of(2026, 11, 2));
        lost.lostOn = LocalDate.of(2026, 11, 20);
        lost.overdueDays = 16;
        lost.accrued = 8000;
        lost.fixed = 8000;
        v = view(lost);
        assertEquals(AccountLoanView.LOST, v.status());
        assertEquals(16, v.overdueDays());
        assertEquals(0, v.runningFee());
        assertEquals(lost.lostOn, v.lostOn());
    }
}
