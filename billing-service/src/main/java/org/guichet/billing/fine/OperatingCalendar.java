package org.guichet.billing.fine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** An institution's opening days: late fees count operating days only (R13). */
public record OperatingCalendar(Set<DayOfWeek> closedWeekdays, Set<LocalDate> closedDates) {

    public boolean isOperating(LocalDate day) {
        return !closedWeekdays.contains(day.getDayOfWeek()) && !closedDates.contains(day);
    }

    /** Operating days d with {@code after < d <= upTo}: the days an item returned on {@code upTo} is late. */
    public int operatingDaysAfter(LocalDate after, LocalDate upTo) {
        int count = 0;
        for (LocalDate d = after.plusDays(1); !d.isAfter(upTo); d = d.plusDays(1)) {
            if (isOperating(d)) {
                count++;
            }
        }
        return count;
    }
}
