package org.guichet.reporting.dashboard;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.guichet.reporting.institution.InstitutionsConfig;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finance's dashboard (issue 21): the last N days of the institution, days counted in its own time zone —
 * settled sums per régie and day (every day, zeros included, for a chart), payments by outcome, refunds,
 * and where reconciliation with the bank stands. One query per block; money per currency, never summed
 * across currencies.
 */
@ApplicationScoped
public class Dashboard {
    @Inject
    Clock clock;
    @Inject
    InstitutionsConfig institutions;

    public record View(int days, LocalDate from, LocalDate to, String timeZone, List<RegieSeries> settledPerDay,
                       List<Outcome> outcomes, List<Sum> refunds, Reconciliation reconciliation) {
    }

    /** One régie's settled payments per day of the window, oldest first, and their total. */
    public record RegieSeries(String regie, String currency, long count, long amount, List<Day> days) {
    }

    public record Day(LocalDate day, long count, long amount) {
    }

    /** Payments asked in the window by how they ended: SETTLED, PENDING, FAILED, CANCELLED or EXPIRED. */
    public record Outcome(String outcome, String currency, long count, long amount) {
    }

    public record Sum(String currency, long count, long amount) {
    }

    /** What is still open: how many, how much, since when (the oldest settlement or booking day). */
    public record Outstanding(String currency, long count, long amount, String oldest) {
    }

    /**
     * Online payments settled (ever) that the bank shows — themselves or in a gateway's payout on the bank
     * — and those it does not show yet; bank credits that match nothing.
     */
    public record Reconciliation(List<Sum> matched, List<Outstanding> notOnBank, List<Outstanding> unclaimedCredits) {
    }

    /** The {@code days} days up to today (the institution's today) of {@code tenant}. */
    public Uni<View> of(String tenant, int days) {
        ZoneId zone = institutions.zoneOf(tenant);
        LocalDate to = LocalDate.now(clock.withZone(zone));
        LocalDate from = to.minusDays(days - 1L);
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> settledPerDay(s, tenant, zone, from, to,
                        start, end)
                .flatMap(series -> outcomes(s, tenant, start, end)
                        .flatMap(outcomes -> refunds(s, tenant, start, end)
                                .flatMap(refunds -> reconciliation(s, tenant)
                                        .map(reconciliation -> new View(days, from, to, zone.getId(), series,
                                                outcomes, refunds, reconciliation)))))));
    }

    /**
     * Every régie the read model knows for the institution (with no settlement in the window: a flat line),
     * then the settled sums per régie and local day.
     */
    private static Uni<List<RegieSeries>> settledPerDay(Mutiny.Session s, String tenant, ZoneId zone, LocalDate from,
                                                        LocalDate to, OffsetDateTime start, OffsetDateTime end) {
        String sql = "with recursive regies(regie) as ("
                + "select min(regie) from transaction_record where tenant = ?1 "
                + "union all select (select min(t.regie) from transaction_record t where t.tenant = ?1 "
                + "and t.regie > r.regie) from regies r where r.regie is not null) "
                + "select r.regie, (select t.currency from transaction_record t "
                + "where t.tenant = ?1 and t.regie = r.regie limit 1), "
                + "cast(null as text), cast(0 as bigint), cast(0 as bigint) from regies r where r.regie is not null "
                + "union all select regie, currency, "
                + "cast(cast(settled_at at time zone cast(?2 as text) as date) as text), "
                + "count(*), cast(sum(total) as bigint) from transaction_record where tenant = ?1 "
                + "and status = 'SETTLED' and settled_at >= ?3 and settled_at < ?4 group by 1, 2, 3";
        return s.createNativeQuery(sql, Object[].class).setParameter(1, tenant).setParameter(2, zone.getId())
                .setParameter(3, start).setParameter(4, end).getResultList().map(rows -> {
                    // régie and currency → day → [count, amount]
                    Map<List<String>, Map<LocalDate, long[]>> sums = new TreeMap<>(
                            Comparator.<List<String>, String>comparing(k -> k.get(0))
                                    .thenComparing(k -> k.get(1)));
                    for (Object[] r : rows) {
                        Map<LocalDate, long[]> days = sums.computeIfAbsent(List.of((String) r[0], (String) r[1]),
                                k -> new LinkedHashMap<>());
                        if (r[2] != null) {
                            days.put(LocalDate.parse((String) r[2]), new long[]{((Number) r[3]).longValue(),
                                    ((Number) r[4]).longValue()});
                        }
                    }
                    List<RegieSeries> series = new ArrayList<>();
                    sums.forEach((key, byDay) -> {
                        List<Day> days = new ArrayList<>();
                        long count = 0;
                        long amount = 0;
                        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                            long[] sum = byDay.getOrDefault(d, new long[2]);
                            days.add(new Day(d, sum[0], sum[1]));
                            count += sum[0];
                            amount = Math.addExact(amount, sum[1]);
                        }
                        series.add(new RegieSeries(key.get(0), key.get(1), count, amount, days));
                    });
                    return series;
                });
    }

    private static Uni<List<Outcome>> outcomes(Mutiny.Session s, String tenant, OffsetDateTime start,
                                               OffsetDateTime end) {
        return s.createNativeQuery("select coalesce(outcome, status), currency, count(*), cast(sum(total) as bigint) "
                                + "from transaction_record where tenant = ?1 and created_at >= ?2 and created_at < ?3 "
                                + "group by 1, 2 order by 1, 2", Object[].class)
                .setParameter(1, tenant).setParameter(2, start).setParameter(3, end).getResultList()
                .map(rows -> rows.stream().map(r -> new Outcome((String) r[0], (String) r[1],
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList());
    }

    private static Uni<List<Sum>> refunds(Mutiny.Session s, String tenant, OffsetDateTime start, OffsetDateTime end) {
        return s.createNativeQuery("select currency, count(*), cast(sum(amount) as bigint) from transaction_refund "
                                + "where tenant = ?1 and refunded_at >= ?2 and refunded_at < ?3 group by 1 order by 1",
                        Object[].class)
                .setParameter(1, tenant).setParameter(2, start).setParameter(3, end).getResultList()
                .map(rows -> rows.stream().map(r -> new Sum((String) r[0], ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue())).toList());
    }

    /**
     * As GET /reconciliation counts them, without its grace days; counter payments are left out (they do not
     * reach the bank one by one, carrying their reference).
     */
    private static Uni<Reconciliation> reconciliation(Mutiny.Session s, String tenant) {
        String sql = "select case when exists (select 1 from bank_line b where b.tenant = ?1 "
                + "and b.matched_payment_id = t.payment_id) or exists (select 1 from settlement_payment p "
                + "join bank_line b on b.matched_settlement = p.settlement where p.matched_payment_id = t.payment_id) "
                + "then 'MATCHED' else 'NOT_ON_BANK' end, t.currency, count(*), cast(sum(t.total) as bigint), "
                + "to_char(min(t.settled_at) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                + "from transaction_record t where t.tenant = ?1 and t.status = 'SETTLED' "
                + "and coalesce(t.mode, 'ONLINE') = 'ONLINE' group by 1, 2 "
                + "union all select 'UNCLAIMED', currency, count(*), cast(sum(amount) as bigint), "
                + "cast(min(booked_on) as text) from bank_line where tenant = ?1 and credit "
                + "and matched_payment_id is null and matched_settlement is null group by 1, 2 order by 1, 2";
        return s.createNativeQuery(sql, Object[].class).setParameter(1, tenant).getResultList().map(rows -> {
            List<Sum> matched = new ArrayList<>();
            List<Outstanding> notOnBank = new ArrayList<>();
            List<Outstanding> unclaimed = new ArrayList<>();
            for (Object[] r : rows) {
                String currency = (String) r[1];
                long count = ((Number) r[2]).longValue();
                long amount = ((Number) r[3]).longValue();
                switch ((String) r[0]) {
                    case "MATCHED" -> matched.add(new Sum(currency, count, amount));
                    case "NOT_ON_BANK" -> notOnBank.add(new Outstanding(currency, count, amount, (String) r[4]));
                    default -> unclaimed.add(new Outstanding(currency, count, amount, (String) r[4]));
                }
            }
            return new Reconciliation(matched, notOnBank, unclaimed);
        });
    }
}
