package org.guichet.reporting.transaction;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.guichet.platform.error.FieldError;
import org.guichet.platform.error.Problems;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** Sums for finance: settled totals grouped by régie, day, reason or mode; the counter cash-up per agent and day. */
@ApplicationScoped
public class Reports {

    /** What a total is grouped by: a column of the transaction, or (reason) of each line item it pays. */
    public enum GroupBy {
        REGIE("t.regie", "count(*)", "sum(t.total)"),
        DAY("cast(cast(t.settled_at as date) as text)", "count(*)", "sum(t.total)"),
        MODE("coalesce(t.mode, 'ONLINE')", "count(*)", "sum(t.total)"),
        /** What was paid for: each line's description (a procedure, a kind of fine or fee); sums of lines. */
        REASON("coalesce(l.line ->> 'description', l.line ->> 'kind')", "count(*)",
                "sum(cast(l.line ->> 'amount' as bigint))");

        final String key;
        final String count;
        final String sum;

        GroupBy(String key, String count, String sum) {
            this.key = key;
            this.count = count;
            this.sum = sum;
        }

        String from() {
            return this == REASON
                    ? "transaction_record t cross join lateral jsonb_array_elements(cast(t.lines as jsonb)) as l(line)"
                    : "transaction_record t";
        }

        static GroupBy parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Problems.invalid("Unknown grouping " + text, new FieldError("by", "regie, day, reason or mode"));
            }
        }
    }

    public record Total(String key, String currency, long count, long total) {
    }

    /** One agent's drawer for one mode of payment. */
    public record CashUp(String operator, String mode, String currency, long count, long total) {
    }

    public Uni<List<Total>> totals(TransactionQuery query, GroupBy by) {
        StringBuilder sql = new StringBuilder("select ").append(by.key).append(" as k, t.currency, ").append(by.count)
                .append(", cast(").append(by.sum).append(" as bigint) from ").append(by.from())
                .append(" where t.tenant = ?1 and t.status = 'SETTLED'");
        if (query.regie() != null && !query.regie().isBlank()) {
            sql.append(" and t.regie = ?4");
        }
        if (query.institution() != null && !query.institution().isBlank()) {
            sql.append(" and t.institutions like ?5");
        }
        sql.append(" and t.settled_at >= ?2 and t.settled_at < ?3 group by 1, 2 order by 1, 2");
        OffsetDateTime from = query.from() == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z")
                : query.from().atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = query.to() == null ? OffsetDateTime.parse("9999-01-01T00:00:00Z")
                : query.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> {
            var q = s.createNativeQuery(sql.toString(), Object[].class).setParameter(1, query.tenant())
                    .setParameter(2, from).setParameter(3, to);
            if (query.regie() != null && !query.regie().isBlank()) {
                q.setParameter(4, query.regie());
            }
            if (query.institution() != null && !query.institution().isBlank()) {
                q.setParameter(5, "%|" + query.institution() + "|%");
            }
            return q.getResultList();
        })).map(rows -> rows.stream().map(r -> new Total((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue())).toList());
    }

    /** Settled counter payments of the day (UTC) per agent and mode: what each drawer should hold. */
    public Uni<List<CashUp>> cashUp(String tenant, LocalDate day) {
        OffsetDateTime from = day.atStartOfDay().atOffset(ZoneOffset.UTC);
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select coalesce(operator, '?'), mode, currency, count(*), sum(total) from transaction_record "
                                + "where tenant = ?1 and status = 'SETTLED' and mode in ('CASH', 'CHEQUE', 'CARD_TERMINAL') "
                                + "and settled_at >= ?2 and settled_at < ?3 group by 1, 2, 3 order by 1, 2, 3", Object[].class)
                .setParameter(1, tenant).setParameter(2, from).setParameter(3, from.plusDays(1)).getResultList()))
                .map(rows -> rows.stream().map(r -> new CashUp((String) r[0], (String) r[1], (String) r[2],
                        ((Number) r[3]).longValue(), ((Number) r[4]).longValue())).toList());
    }
}
