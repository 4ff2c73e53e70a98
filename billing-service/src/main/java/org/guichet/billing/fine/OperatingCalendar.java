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

    /** Minutes between two instants that fall on operating days of {@code zone} (closed days do not count). */
    public long operatingMinutesBetween(java.time.Instant from, java.time.Instant to, java.time.ZoneId zone) {
        long minutes = 0;
        for (LocalDate d = LocalDate.ofInstant(from, zone); to.isAfter(d.atStartOfDay(zone).toInstant()); d = d.plusDays(1)) {
            if (!isOperating(d)) {
                continue;
            }
            java.time.Instant start = d.atStartOfDay(zone).toInstant();
            java.time.Instant end = d.plusDays(1).atStartOfDay(zone).toInstant();
            java.time.Instant a = from.isAfter(start) ? from : start;
            java.time.Instant b = to.isBefore(end) ? to : end;
            if (b.isAfter(a)) {
                minutes += java.time.Duration.between(a, b).toMinutes();
            }
        }
        return minutes;
    }
}
