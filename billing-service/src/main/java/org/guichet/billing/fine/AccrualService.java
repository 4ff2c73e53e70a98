package org.guichet.billing.fine;

import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guichet.billing.institution.InstitutionsConfig;
import org.guichet.events.EventType;
import org.guichet.events.Topics;
import org.guichet.platform.db.BlockingTransaction;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The nightly accrual of late fees for one institution and business date. One set-based UPDATE
 * recomputes every open loan's fee from the operating-day calendar and writes a FineAccrued
 * outbox row for each loan whose fee changed — in the same statement, so both commit together.
 * The fee is a function of the date only: running the same date twice changes nothing the second
 * time. An advisory lock keeps two replicas from accruing one institution at once. Loans that
 * crossed a fixation threshold are then fixed into bills one by one ({@link FixationService}).
 * Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class AccrualService {
    /** The accrual statement; $1 tenant, $2 date, $3 grace days, $4 amount per day, $5 now, $6 producer. */
    static final String ACCRUE = """
            with calc as (
                select l.id, greatest(0, cd.op_ordinal - cdue.op_ordinal) as days, l.fee_cap, l.fixed
                from loan l
                join calendar_day cd on cd.tenant = l.tenant and cd.day = $2
                join calendar_day cdue on cdue.tenant = l.tenant and cdue.day = l.due_date
                where l.tenant = $1 and l.returned_on is null and l.lost_on is null and l.due_date < $2
            ), fee as (
                select id, days, greatest(fixed, least(coalesce(fee_cap, 9223372036854775807),
                       greatest(0, days - $3)::bigint * $4)) as accrued
                from calc
            ), changed as (
                update loan l set overdue_days = f.days, accrued = f.accrued, accrued_on = $2
                from fee f
                where l.id = f.id and (l.accrued <> f.accrued or l.overdue_days <> f.days)
                returning l.id, l.account_id, l.item_barcode, l.overdue_days, l.accrued, l.fixed, l.currency
            ), events as (
                select gen_random_uuid() as event_id, c.* from changed c
            )
            insert into outbox_event (id, topic, message_key, type, envelope, created_at)
            select e.event_id, '%s', e.id::text, '%s',
                   json_build_object('eventId', e.event_id, 'type', '%s', 'version', %d,
                       'occurredAt', to_char($5::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       'producer', $6::text, 'tenant', $1::text, 'subjectId', e.id::text,
                       'correlationId', e.event_id::text,
                       'payload', json_build_object('loanId', e.id, 'accountId', e.account_id,
                           'itemBarcode', e.item_barcode, 'businessDate', $2::date,
                           'overdueOperatingDays', e.overdue_days, 'accrued', e.accrued, 'fixed', e.fixed,
                           'currency', e.currency))::text,
                   $5
            from events e
            """.formatted(Topics.FINES, EventType.FINE_ACCRUED.typeName(), EventType.FINE_ACCRUED.typeName(),
            EventType.FINE_ACCRUED.version());

    /** Loans whose fixed part is behind the last threshold reached; $2 thresholds, $3 grace, $4 per day. */
    static final String DUE_FOR_FIXATION = """
            select id from (
                select l.id, l.fixed, least(coalesce(l.fee_cap, 9223372036854775807),
                       greatest(0, (select max(t) from unnest($2::int[]) t where t <= l.overdue_days) - $3)::bigint * $4)
                       as target
                from loan l
                where l.tenant = $1 and l.returned_on is null and l.lost_on is null and l.overdue_days >= $5
            ) x where target > fixed
            """;

    /** What one run did, with the time each phase took (the operator's and the benchmark's figures). */
    /** Loans fixed per transaction: few round trips between threads, short enough row locks. */
    static final int FIXATION_BATCH = 200;

    public record Result(String tenant, LocalDate businessDate, long loansUpdated, int billsFixed,
                         long accrualMillis, long fixationMillis) {
    }

    @Inject
    Pool pool;
    @Inject
    InstitutionsConfig institutions;
    @Inject
    FixationService fixation;
    @Inject
    Clock clock;
    @ConfigProperty(name = "quarkus.application.name")
    String producer;

    public Result run(String tenant, LocalDate businessDate) {
        InstitutionsConfig.Institution institution = institutions.of(tenant);
        FinePolicy policy = institution.finePolicy().orElse(null);
        if (policy == null) {
            return new Result(tenant, businessDate, 0, 0, 0, 0);
        }
        long started = System.nanoTime();
        long updated = BlockingTransaction.run(pool, conn -> {
            conn.preparedQuery("select pg_advisory_xact_lock(hashtext($1))").executeAndAwait(Tuple.of("accrual:" + tenant));
            ensureCalendar(conn, tenant, institution, businessDate);
            return (long) conn.preparedQuery(ACCRUE).executeAndAwait(Tuple.tuple(List.of(tenant, businessDate,
                    policy.graceDays(), policy.amountPerDay(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                    producer))).rowCount();
        });
        long accrued = System.nanoTime();
        int fixedBills = 0;
        if (!policy.fixationDays().isEmpty()) {
            List<UUID> due = new ArrayList<>();
            for (Row row : pool.preparedQuery(DUE_FOR_FIXATION).executeAndAwait(Tuple.tuple(List.of(tenant,
                    policy.fixationDays().toArray(new Integer[0]), policy.graceDays(), policy.amountPerDay(),
                    policy.fixationDays().get(0))))) {
                due.add(row.getUUID("id"));
            }
            for (int from = 0; from < due.size(); from += FIXATION_BATCH) {
                List<UUID> batch = due.subList(from, Math.min(due.size(), from + FIXATION_BATCH));
                try {
                    fixedBills += VertxContextSupport.subscribeAndAwait(() -> fixation.fixAll(batch, policy, businessDate));
                } catch (Throwable t) {
                    throw new IllegalStateException("fixation of " + batch.size() + " loans failed", t);
                }
            }
        }
        long done = System.nanoTime();
        return new Result(tenant, businessDate, updated, fixedBills, (accrued - started) / 1_000_000,
                (done - accrued) / 1_000_000);
    }

    /** Makes sure the calendar covers every open loan's due date up to the business date, with ordinals. */
    private static void ensureCalendar(SqlConnection conn, String tenant, InstitutionsConfig.Institution institution,
                                       LocalDate upTo) {
        LocalDate from = conn.preparedQuery("select min(due_date) from loan where tenant = $1 and returned_on is null")
                .executeAndAwait(Tuple.of(tenant)).iterator().next().getLocalDate(0);
        if (from == null || from.isAfter(upTo)) {
            from = upTo;
        }
        OperatingCalendar calendar = institution.calendar();
        Integer[] closedIsoDays = calendar.closedWeekdays().stream().map(DayOfWeek::getValue).toArray(Integer[]::new);
        LocalDate[] closedDates = calendar.closedDates().toArray(new LocalDate[0]);
        conn.preparedQuery("""
                insert into calendar_day (tenant, day, operating)
                select $1, d::date, not (extract(isodow from d)::int = any($2) or d::date = any($3))
                from generate_series($4::date - 1, $5::date, interval '1 day') d
                on conflict (tenant, day) do update set operating = excluded.operating
                """).executeAndAwait(Tuple.tuple(List.of(tenant, closedIsoDays, closedDates, from, upTo)));
        conn.preparedQuery("""
                update calendar_day c set op_ordinal = s.ordinal
                from (select day, (count(*) filter (where operating) over (order by day))::int as ordinal
                      from calendar_day where tenant = $1) s
                where c.tenant = $1 and c.day = s.day and c.op_ordinal <> s.ordinal
                """).executeAndAwait(Tuple.of(tenant));
    }
}
