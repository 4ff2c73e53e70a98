package org.guichet.billing.fine;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The nightly accrual of late fees for one institution and business date. One set-based UPDATE
 * recomputes every open loan's fee from the operating-day calendar and records, in the same
 * transaction, that their FineAccrued events are due ({@link FinePublisher} writes them after).
 * The fee is a function of the date only: running the same date twice changes nothing the second
 * time. An advisory lock keeps two replicas from accruing one institution at once. Loans that
 * crossed a fixation threshold are then fixed into bills by one more statement ({@link #FIX}).
 * Blocking: call it from a worker thread.
 * <p>Decision (why set-based, why the envelopes are built in SQL): docs/adr/0003-accrual-in-one-statement.md.
 */
@ApplicationScoped
public class AccrualService {
    /**
     * The accrual statement: every open loan's fee recomputed from the operating-day calendar, the
     * loans whose fee changed updated, and — in the same transaction — one {@code fine_publication}
     * row from which {@link FinePublisher} writes their FineAccrued events. $1 tenant, $2 date,
     * $3 grace, $4 amount per interval (the institution's, for loans that kept none), $5 now,
     * $6 time zone. Answers the number of loans updated.
     */
    static final String ACCRUE = """
            with calc as (
                select l.id, greatest(0, cd.op_ordinal - cdue.op_ordinal) as days, l.fee_cap, l.fixed,
                       coalesce(l.grace_days, $3) as grace, coalesce(l.fine_interval_days, 1) as every,
                       coalesce(l.fine_amount, $4) as rate,
                       -- an hourly loan counts operating hours: whole operating days since its due day,
                       -- and what was left of the due day after the due time, if that day was open
                       case when coalesce(l.fine_per_hour, false) then
                           greatest(0, cd.op_ordinal - cdue.op_ordinal) * 24
                           + case when cdue.operating then greatest(0, ceil(extract(epoch from
                                 ((l.due_date + 1)::timestamp at time zone $6) - l.due_at) / 3600))::int else 0 end
                       else greatest(0, cd.op_ordinal - cdue.op_ordinal) end as units
                from loan l
                join calendar_day cd on cd.tenant = l.tenant and cd.day = $2
                join calendar_day cdue on cdue.tenant = l.tenant and cdue.day = l.due_date
                where l.tenant = $1 and l.returned_on is null and l.lost_on is null and l.due_date < $2
            ), fee as (
                select id, days, greatest(fixed, least(coalesce(fee_cap, 9223372036854775807),
                       ((greatest(0, units - grace) + every - 1) / every)::bigint * rate)) as accrued
                from calc
            ), changed as (
                update loan l set overdue_days = f.days, accrued = f.accrued, accrued_on = $2
                from fee f
                where l.id = f.id and (l.accrued <> f.accrued or l.overdue_days <> f.days)
                returning l.id
            ), publication as (
                insert into fine_publication (id, tenant, business_date, created_at)
                select gen_random_uuid(), $1, $2, $5 where exists (select 1 from changed)
            )
            select count(*) from changed
            """;

    /**
     * Fixation in one statement (R13): every open loan whose fixed part is behind the fee at the last
     * threshold it reached gets a payable bill for the difference — a block of invoice numbers, the
     * bills, their CREATED history, InvoiceCreated and FineAccrued outbox rows, and the loan's new
     * fixed amount, all committed together. The loan update re-checks the loan is still open and
     * behind (a return committed meanwhile wins), and only updated loans are billed.
     * $1 tenant, $2 thresholds, $3 grace, $4 amount, $5 first threshold, $6 business date, $7 now,
     * $8 producer, $9 régie, $10 reason, $11 year, $12 number prefix.
     * <p>The InvoiceCreated and FineAccrued envelopes are built here in SQL ({@code json_build_object}, repeating
     * the records' field names) so the night is a few statements rather than a round trip per loan;
     * FineFixationTest and FixationBlocksTest check them against the events' schemas (docs/adr/0003).
     */
    static final String FIX = """
            with due as (
                select id, fixed, target, tier from (
                    select l.id, l.fixed, t.tier,
                           least(coalesce(l.fee_cap, 9223372036854775807),
                                 ((greatest(0, t.tier - coalesce(l.grace_days, $3)) + coalesce(l.fine_interval_days, 1) - 1)
                                  / coalesce(l.fine_interval_days, 1))::bigint * coalesce(l.fine_amount, $4)) as target
                    from loan l
                    cross join lateral (select max(x) as tier from unnest($2::int[]) x where x <= l.overdue_days) t
                    where l.tenant = $1 and l.returned_on is null and l.lost_on is null and l.overdue_days >= $5
                      and not coalesce(l.fine_per_hour, false)   -- hourly (short) loans are billed on return
                ) c where target > fixed
            ), fixed as (
                update loan l set fixed = d.target, accrued = greatest(l.accrued, d.target)
                from due d
                where l.id = d.id and l.returned_on is null and l.lost_on is null and l.fixed < d.target
                returning l.id, l.account_id, l.item_barcode, l.item_title, l.call_number, l.item_branch, l.currency,
                          l.overdue_days, l.accrued,
                          l.fixed, d.target - d.fixed as amount, d.tier
            ), numbered as (
                select f.*, row_number() over (order by f.id) as rn, gen_random_uuid() as invoice_id,
                       gen_random_uuid() as created_event,
                       md5(f.id::text || '/' || $6::date::text || '/' || f.accrued || '/' || f.fixed)::uuid as fine_event
                from fixed f
            ), counter as (
                insert into invoice_number_counter (tenant, year, last)
                select $1, $11, count(*) from numbered having count(*) > 0
                on conflict (tenant, year) do update set last = invoice_number_counter.last + excluded.last
                returning last
            ), bills as (
                insert into invoice (id, tenant, number, account_id, regie, reason, description, item_barcode, item_title,
                                     call_number, item_branch, amount, currency, state, issued_on, created_at,
                                     created_by, loan_id)
                select n.invoice_id, $1, $12 || '-' || $11 || '-' || lpad((c.last - (select count(*) from numbered) + n.rn)::text, 6, '0'),
                       n.account_id, $9, $10,
                       'Late fee fixed at ' || n.tier || ' operating days' || coalesce(': ' || n.item_title, ''),
                       n.item_barcode, n.item_title, n.call_number, n.item_branch, n.amount, n.currency, 'OPEN', $6, $7,
                       '%1$s', n.id
                from numbered n cross join counter c
                returning id, number, account_id, amount, currency, description
            ), history as (
                insert into invoice_history (id, invoice_id, tenant, action, amount, operator, occurred_at)
                select gen_random_uuid(), b.id, $1, 'CREATED', b.amount, '%1$s', $7 from bills b
            ), created_events as (
                insert into outbox_event (id, topic, message_key, type, envelope, created_at)
                select n.created_event, '%2$s', b.id::text, '%3$s',
                       json_build_object('eventId', n.created_event, 'type', '%3$s', 'version', %4$d,
                           'occurredAt', to_char($7::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                           'producer', $8::text, 'tenant', $1::text, 'subjectId', b.id::text,
                           'correlationId', n.created_event::text,
                           'payload', json_build_object('invoiceId', b.id, 'number', b.number, 'accountId', b.account_id,
                               'regie', $9::text, 'amount', b.amount, 'currency', b.currency, 'reason', $10::text,
                               'description', b.description, 'issuedOn', $6::date, 'createdBy', '%1$s'))::text,
                       $7
                from bills b join numbered n on n.invoice_id = b.id
            )
            insert into outbox_event (id, topic, message_key, type, envelope, created_at)
            select n.fine_event, '%5$s', n.id::text, '%6$s',
                   json_build_object('eventId', n.fine_event, 'type', '%6$s', 'version', %7$d,
                       'occurredAt', to_char($7::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       'producer', $8::text, 'tenant', $1::text, 'subjectId', n.id::text,
                       'correlationId', n.fine_event::text,
                       'payload', json_build_object('loanId', n.id, 'accountId', n.account_id,
                           'itemBarcode', n.item_barcode, 'businessDate', $6::date,
                           'overdueOperatingDays', n.overdue_days, 'accrued', n.accrued, 'fixed', n.fixed,
                           'currency', n.currency))::text,
                   $7
            from numbered n
            on conflict (id) do nothing
            returning message_key
            """.formatted(FixationService.OPERATOR, Topics.INVOICES, EventType.INVOICE_CREATED.typeName(),
            EventType.INVOICE_CREATED.version(), Topics.FINES, EventType.FINE_ACCRUED.typeName(),
            EventType.FINE_ACCRUED.version());

    /**
     * R6 after fixation, set-based: accounts that got fixed bills in this run and whose debt now
     * reaches their patron type's threshold are blocked (row, history, AccountBlocked), once.
     * $1 tenant, $2 patron types, $3 their thresholds, $4 default type, $5 the run's time, $6 producer.
     */
    static final String DEBT_BLOCKS = """
            with limits as (
                select * from unnest($2::text[], $3::bigint[]) as t(patron_type, threshold)
            ), billed as (
                select distinct account_id from invoice
                where tenant = $1 and created_at = $5 and created_by = '%1$s'
            ), debt as (
                select i.account_id, sum(i.amount - i.paid - i.waived) as debt
                from invoice i join billed b on b.account_id = i.account_id
                where i.tenant = $1 and i.state in ('OPEN', 'PARTIALLY_PAID')
                group by i.account_id
            ), over as (
                select d.account_id, d.debt, l.threshold, coalesce(a.patron_type, $4) as patron_type
                from debt d
                left join account a on a.tenant = $1 and a.account_id = d.account_id
                join limits l on l.patron_type = coalesce(a.patron_type, $4)
                where d.debt >= l.threshold
            ), blocked as (
                insert into account_block (tenant, account_id, reason, detail, since)
                select $1, o.account_id, 'DEBT_THRESHOLD',
                       'debt ' || o.debt || ' reached the threshold ' || o.threshold, $5
                from over o
                on conflict do nothing
                returning account_id, detail
            ), history as (
                insert into account_history (id, tenant, account_id, action, operator, notes, occurred_at)
                select gen_random_uuid(), $1, b.account_id, 'BLOCKED', 'billing-policy', 'DEBT_THRESHOLD: ' || b.detail, $5
                from blocked b
            ), events as (
                select gen_random_uuid() as event_id, b.* from blocked b
            )
            insert into outbox_event (id, topic, message_key, type, envelope, created_at)
            select e.event_id, '%2$s', e.account_id, '%3$s',
                   json_build_object('eventId', e.event_id, 'type', '%3$s', 'version', %4$d,
                       'occurredAt', to_char($5::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       'producer', $6::text, 'tenant', $1::text, 'subjectId', e.account_id,
                       'correlationId', e.event_id::text,
                       'payload', json_build_object('accountId', e.account_id, 'reason', 'DEBT_THRESHOLD',
                           'detail', e.detail,
                           'activeBlocks', array(select r from (select reason as r from account_block x
                                                 where x.tenant = $1 and x.account_id = e.account_id
                                                 union select 'DEBT_THRESHOLD') u order by r)))::text,
                   $5
            from events e
            """.formatted(FixationService.OPERATOR, Topics.ACCOUNTS, EventType.ACCOUNT_BLOCKED.typeName(),
            EventType.ACCOUNT_BLOCKED.version());

    /** What one run did, with the time each phase took (the operator's and the benchmark's figures). */
    public record Result(String tenant, LocalDate businessDate, long loansUpdated, int billsFixed,
                         long accrualMillis, long fixationMillis) {
    }

    @Inject
    Pool pool;
    @Inject
    MeterRegistry registry;
    @Inject
    InstitutionsConfig institutions;
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
            return conn.preparedQuery(ACCRUE).executeAndAwait(Tuple.tuple(List.of(tenant, businessDate,
                    policy.graceUnits(), policy.amountPerInterval(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                    institution.timeZone().getId()))).iterator().next().getLong(0);
        });
        long accrued = System.nanoTime();
        int fixedBills = 0;
        if (!policy.fixationDays().isEmpty()) {
            String reason = institution.fines().map(InstitutionsConfig.Fines::reason).orElse("LATE_FEE");
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            fixedBills = BlockingTransaction.run(pool, conn -> {
                conn.preparedQuery("select pg_advisory_xact_lock(hashtext($1))").executeAndAwait(Tuple.of("accrual:" + tenant));
                int made = conn.preparedQuery(FIX).executeAndAwait(Tuple.tuple(List.of(tenant,
                        policy.fixationDays().toArray(new Integer[0]), policy.graceUnits(), policy.amountPerInterval(),
                        policy.fixationDays().get(0), businessDate, now, producer, institution.regie(), reason,
                        businessDate.getYear(), tenant.toUpperCase(java.util.Locale.ROOT)))).rowCount();
                blockDebtors(conn, tenant, institution, now);
                return made;
            });
        }
        long done = System.nanoTime();
        // guichet_accrual_duration_seconds{institution}: the nightly job and POST /accruals alike
        registry.timer("guichet.accrual.duration", "institution", tenant).record(Duration.ofNanos(done - started));
        return new Result(tenant, businessDate, updated, fixedBills, (accrued - started) / 1_000_000,
                (done - accrued) / 1_000_000);
    }

    private void blockDebtors(SqlConnection conn, String tenant, InstitutionsConfig.Institution institution,
                              OffsetDateTime runAt) {
        List<String> types = new java.util.ArrayList<>();
        List<Long> thresholds = new java.util.ArrayList<>();
        institution.patronTypes().forEach((type, limits) -> limits.debtBlockThreshold().ifPresent(t -> {
            types.add(type);
            thresholds.add(t);
        }));
        if (types.isEmpty()) {
            return;
        }
        conn.preparedQuery(DEBT_BLOCKS).executeAndAwait(Tuple.tuple(List.of(tenant, types.toArray(new String[0]),
                thresholds.toArray(new Long[0]), institution.defaultPatronType().orElse(""), runAt, producer)));
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
