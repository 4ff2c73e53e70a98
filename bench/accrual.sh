#!/usr/bin/env bash
# Accrual benchmark (R13, docs/adr/0003): 1,000,000 overdue loans over 10,000 patrons in steady state (fees
# accrued and fixed up to yesterday), then one nightly accrual through billing-service's real
# endpoint; beside it, one raw SQL UPDATE over the same rows on the same database.
# Prints rows/s, wall time, peak RSS and heap. Usage: bench/accrual.sh [LOANS] [PATRONS]
set -euo pipefail
LOANS=${1:-1000000}
PATRONS=${2:-10000}
DB=guichet_bench_billing
PORT=28081
# a Monday, so that tonight is an operating day and every open loan's fee grows
TODAY=${BENCH_DATE:-2026-11-23}

source "$(dirname "$0")/billing-on-bench-db.sh"

echo "loading $LOANS loans over $PATRONS patrons (due dates over the last 365 days, steady state as of yesterday)…"
t0=$(date +%s%N)
"${PSQL[@]}" -d $DB <<SQL
insert into loan (id, tenant, external_id, account_id, item_barcode, item_title, replacement_cost, currency,
                  due_date, created_at)
select gen_random_uuid(), 'lib-kladno', 'B-' || g, 'patron-' || (g % $PATRONS), '3123' || g, 'Title ' || g,
       20000 + (g % 50) * 100, 'CZK', date '$TODAY' - 1 - (g % 365), now()
from generate_series(1, $LOANS) g;
analyze loan;
SQL
TOKEN=$(java -cp "$ROOT/libs/testing/target/classes" org.guichet.testing.DevTokens --role admin --sub bench --tenant lib-kladno)
accrue() {
  curl -sf -X POST "http://127.0.0.1:$PORT/accruals" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"businessDate\":\"$1\"}"
}
# Steady state as of yesterday, set in SQL (the Kladno policy: 5 CZK a day, fixed at 10/30/60
# operating days; the calendar as billing-service builds it), so tonight's run does only what a
# real night does: every open loan's fee grows, and the loans crossing a threshold tonight are fixed.
YESTERDAY=$(date -d "$TODAY - 1 day" +%F)
"${PSQL[@]}" -d $DB <<SQL
insert into calendar_day (tenant, day, operating)
select 'lib-kladno', d::date, not (extract(isodow from d)::int = 7
       or d::date = any(array['2026-12-24','2026-12-25','2026-12-26','2027-01-01']::date[]))
from generate_series(date '$TODAY' - 400, date '$TODAY', interval '1 day') d;
update calendar_day c set op_ordinal = s.o from (select day, (count(*) filter (where operating)
       over (order by day))::int o from calendar_day) s where c.day = s.day;
update loan l set overdue_days = x.days, accrued = x.days * 500::bigint, accrued_on = date '$YESTERDAY',
       fixed = coalesce((select max(t) from unnest(array[10, 30, 60]) t where t <= x.days), 0) * 500::bigint
from (select l2.id, greatest(0, cy.op_ordinal - cd.op_ordinal) as days from loan l2
      join calendar_day cy on cy.day = date '$YESTERDAY' join calendar_day cd on cd.day = l2.due_date) x
where l.id = x.id;
vacuum analyze loan;
SQL
echo "loaded in $(( ($(date +%s%N) - t0) / 1000000 )) ms"

t0=$(date +%s%N)
RESULT=$(accrue "$TODAY")
WALL=$(( ($(date +%s%N) - t0) / 1000000 ))
UPDATED=$(sed -E 's/.*"loansUpdated":([0-9]+).*/\1/' <<<"$RESULT")
ACCRUAL_MS=$(sed -E 's/.*"accrualMillis":([0-9]+).*/\1/' <<<"$RESULT")
FIXATION_MS=$(sed -E 's/.*"fixationMillis":([0-9]+).*/\1/' <<<"$RESULT")
FIXED=$(sed -E 's/.*"billsFixed":([0-9]+).*/\1/' <<<"$RESULT")
# FinePublisher writes the night's FineAccrued events into the outbox after the accrual committed
t0=$(date +%s%N)
for _ in $(seq 1 600); do
  PENDING=$("${PSQL[@]}" -d $DB -c "select count(*) from fine_publication where done_at is null")
  [ "$PENDING" = 0 ] && break; sleep 0.2
done
FANOUT=$(( ($(date +%s%N) - t0) / 1000000 ))
EVENTS=$("${PSQL[@]}" -d $DB -c "select count(*) from outbox_event where type = 'FineAccrued'")
t0=$(date +%s%N); accrue "$TODAY" >/dev/null; RERUN=$(( ($(date +%s%N) - t0) / 1000000 ))
PEAK_RSS=$(awk '/VmHWM/ {print $2 " " $3}' /proc/$PID/status)
HEAP=$(jcmd $PID GC.heap_info 2>/dev/null | awk '/garbage-first heap/ {print $0}' | sed 's/^ *//')


RAW=$("${PSQL[@]}" -d $DB <<SQL | awk '/Time:/ {print $2}' | tail -1
\timing on
update loan set overdue_days = overdue_days + 1, accrued = accrued + 500, accrued_on = date '$TODAY'
where tenant = 'lib-kladno' and returned_on is null;
SQL
)
echo
echo "accrual benchmark ($LOANS loans, $PATRONS patrons, business date $TODAY)"
printf '  %-44s %s\n' "loans updated (fee changed tonight)" "$UPDATED"
printf '  %-44s %s ms (%s rows/s)\n' "accrual statement (UPDATE, publication row)" "$ACCRUAL_MS" \
  "$(( UPDATED * 1000 / (ACCRUAL_MS > 0 ? ACCRUAL_MS : 1) ))"
printf '  %-44s %s bills in %s ms\n' "fixation (thresholds crossed tonight)" "$FIXED" "$FIXATION_MS"
printf '  %-44s %s ms\n' "wall time of the nightly run (HTTP)" "$WALL"
printf '  %-44s %s events, %s ms after the run\n' "FineAccrued written to the outbox" "$EVENTS" "$FANOUT"
printf '  %-44s %s ms\n' "same date again (idempotent re-run)" "$RERUN"
printf '  %-44s %s ms\n' "raw SQL UPDATE of the same rows" "$RAW"
printf '  %-44s %s\n' "accrual / raw update" "$(awk -v a="$ACCRUAL_MS" -v b="$RAW" 'BEGIN {printf "%.2fx", a / b}')"
printf '  %-44s %s\n' "nightly run (accrual + fixation) / raw" "$(awk -v a="$WALL" -v b="$RAW" 'BEGIN {printf "%.2fx", a / b}')"
printf '  %-44s %s\n' "run + events written / raw" "$(awk -v a="$WALL" -v f="$FANOUT" -v b="$RAW" 'BEGIN {printf "%.2fx", (a + f) / b}')"
printf '  %-44s %s\n' "billing-service peak RSS" "$PEAK_RSS"
printf '  %-44s %s\n' "heap after the run" "${HEAP:-n/a}"
