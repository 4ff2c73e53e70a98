package org.guichet.billing.institution;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.guichet.billing.fine.FinePolicy;
import org.guichet.billing.fine.OperatingCalendar;
import org.guichet.platform.error.Problems;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The institutions (tenants) sharing this installation and what billing needs to know of each (R10). */
@ConfigMapping(prefix = "guichet.billing")
public interface InstitutionsConfig {

    Map<String, Institution> institutions();

    interface Institution {
        /** ISO 4217 currency of every bill of the institution. */
        String currency();

        /** The régie (gateway account) that collects the institution's bills. */
        String regie();

        /** Business dates (due dates, accrual days) are in this zone. */
        @WithDefault("Europe/Brussels")
        ZoneId timeZone();

        /** Weekdays the institution is always closed (late fees do not count them). */
        Optional<List<DayOfWeek>> closedWeekdays();

        /** Holidays and other closed dates. */
        Optional<List<LocalDate>> closedDates();

        /** Late fees; an institution without them charges none. */
        Optional<Fines> fines();

        default OperatingCalendar calendar() {
            return new OperatingCalendar(new HashSet<>(closedWeekdays().orElse(List.of())),
                    new HashSet<>(closedDates().orElse(List.of())));
        }

        default Optional<FinePolicy> finePolicy() {
            return fines().map(f -> new FinePolicy(f.amountPerDay(), f.graceDays(),
                    f.maxPerItem().map(OptionalLong::of).orElse(OptionalLong.empty()),
                    f.capAtReplacementCost(), f.fixationDays().orElse(List.of())));
        }
    }

    interface Fines {
        /** Minor units per item and overdue operating day. */
        long amountPerDay();

        @WithDefault("0")
        int graceDays();

        Optional<Long> maxPerItem();

        @WithDefault("true")
        boolean capAtReplacementCost();

        /** Operating days overdue at which the running fee is fixed into a payable bill (R13). */
        Optional<List<Integer>> fixationDays();

        @WithDefault("LATE_FEE")
        String reason();
    }

    default Institution of(String tenant) {
        Institution institution = institutions().get(tenant);
        if (institution == null) {
            throw Problems.forbidden("Institution " + tenant + " is not configured in this installation");
        }
        return institution;
    }
}
