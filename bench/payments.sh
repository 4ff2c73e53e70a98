#!/usr/bin/env bash
# Payment engine benchmark, against the gateway simulator on this machine: a whole suite
# is started on its own ports and databases (GUICHET_ENV=bench: +20000), N bills are created through
# billing's API (one account each) and a payment of Namur's Mollie régie is seeded for each, then
#   initiations: POST /payments/{id}/start by C concurrent clients over kept-alive connections
#                (bench/LoadClient.java; each start creates the payment at "Mollie" over HTTP and
#                records the session) — rate, p50, p99;
#   settlements: every payment is paid on the simulator's page; its webhook makes payment-service
#                fetch the status, settle, and publish PaymentSettled, which billing applies to the
#                bill — rate from the first payment to the last consumed by billing;
#   pgbench -c 8 -j 2 (TPC-B) in the same run: the box's limit for durable commits.
# A warm-up round of W payments (initiated and settled, not measured) comes first, so the figures are
# those of JIT-compiled services, and the services run with production's JVM (C2, a heap of their own)
# rather than the launcher's frugal development settings. The CPU each component used in each phase is
# printed: where the time goes.
# Usage: bench/payments.sh [N] [C]     (W=500 by default; W=0 skips the warm-up)
# Environment: PROFILE="payment billing" — those services' CPU per thread kind during the initiations
# (event loops, JIT compilers, GC…) and a Flight Recorder file each; BENCH_PROPS — extra -D options for the
# services (to try a setting); QUIET — CPU-seconds per 2 s under which the suite counts as idle (0.3).
set -euo pipefail
N=${1:-2000}
C=${2:-16}
W=${W:-500}
export GUICHET_SERVICE_JAVA_OPTS=${GUICHET_SERVICE_JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseParallelGC}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export GUICHET_ENV=bench PGPASSWORD=guichet
# a load from one address: the per-client rate limits would measure themselves, not the engine
export GUICHET_EXTRA_PROPS="-Dguichet.limits.rates-enabled=false ${BENCH_PROPS:-}"
PSQL=(psql -qtA -h 127.0.0.1 -U guichet)
PAY=http://127.0.0.1:28083
SIM=http://127.0.0.1:28090
BILL=http://127.0.0.1:28081
WORK=$(mktemp -d)
trap '"$ROOT/guichet" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

"$ROOT/guichet" up >/dev/null
LOAD=(java "$ROOT/bench/LoadClient.java")
# Real bills: each payment pays one open bill of its own account, so billing applies it (locks the bill,
# records the payment, re-assesses the account, publishes InvoicePaid) as it would for a citizen.
echo "billing $((N + W)) bills (15.00 EUR, one account each) and seeding a payment for each ($W to warm up)…"
AGENT=$(java -cp "$ROOT/libs/testing/target/classes" org.guichet.testing.DevTokens --role agent --sub bench-agent --tenant ville-namur)
RUN_ID=$(date +%s)
seq 1 "$((N + W))" | sed "s/^/$RUN_ID-/" > "$WORK/accounts"
read -r BILLS _ < <("${LOAD[@]}" "$WORK/accounts" "$C" POST "$BILL/invoices" \
  '{"accountId":"bench-{}","amount":1500,"currency":"EUR","reason":"PROCESSING_FEE","description":"bench"}' \
  "Authorization: Bearer $AGENT" "Content-Type: application/json")
[ "$BILLS" -eq "$((N + W))" ] || { echo "billing refused bills: $BILLS of $((N + W)) created" >&2; exit 1; }
"${PSQL[@]}" -d guichet_bench_billing -c "select id from invoice where account_id like 'bench-$RUN_ID-%'
  and state = 'OPEN' order by number" > "$WORK/bills"
"${PSQL[@]}" -d guichet_bench_payment <<SQL
truncate payment_claim, payment_transition, payment_refund, callback_inbox, outbox_event cascade;
delete from payment;
create temp table bench_bill (n serial, id uuid);
\\copy bench_bill (id) from '$WORK/bills'
insert into payment (id, tenant, owner, payer_name, regie, reference, amount, currency, state, gateway, mode, lines,
                     created_at, updated_at)
select gen_random_uuid(), 'ville-namur', 'bench-citizen', 'Bench Citizen', 'namur-etat-civil',
       'NAMUR-ETAT-CIVIL-B' || lpad(n::text, 7, '0'), 1500, 'EUR', 'CREATED', 'mollie', 'ONLINE',
       '[{"kind":"INVOICE","refId":"' || id || '","tenant":"ville-namur","description":"bench","amount":1500}]',
       now(), now()
from bench_bill;
SQL
"${PSQL[@]}" -d guichet_bench_payment -c "select id from payment order by reference" > "$WORK/all"
head -n "$W" "$WORK/all" > "$WORK/warm"
tail -n +"$((W + 1))" "$WORK/all" > "$WORK/ids"
TOKEN=$(java -cp "$ROOT/libs/testing/target/classes" org.guichet.testing.DevTokens --role citizen --sub bench-citizen --tenant ville-namur)
export TOKEN PAY SIM

# CPU seconds used so far by each component (services, simulator, broker, PostgreSQL's backends)
STATE="$ROOT/.guichet/bench"
TCK=$(getconf CLK_TCK)
cpu_of() { [ -r "/proc/$1/stat" ] && awk -v t="$TCK" '{printf "%.1f", ($14 + $15) / t}' "/proc/$1/stat" || echo 0; }
cpu_snapshot() {
  local s out=""
  for s in billing cart payment notification reporting simulator; do out+="$s $(cpu_of "$(cat "$STATE/$s.pid")") "; done
  out+="kafka $(cpu_of "$(cat "$STATE/kafka/broker.pid")") "
  out+="postgres $(for p in $(pgrep -u postgres); do cat "/proc/$p/stat" 2>/dev/null; done |
    awk -v t="$TCK" '{s += $14 + $15} END {printf "%.1f", s / t}')"
  echo "$out"
}
# "a 1.0 b 2.0" twice → "a 1.0 s, b 1.0 s" (the differences)
cpu_spent() {
  paste -d' ' <(tr ' ' '\n' <<<"$1" | paste - -) <(tr ' ' '\n' <<<"$2" | paste - -) |
    awk '{printf "%s%s %.1f s", (NR > 1 ? ", " : ""), $1, $4 - $2}'
}

# PaymentSettled events billing has applied so far (every run's: the differences count)
billed() { "${PSQL[@]}" -d guichet_bench_billing -c "select count(*) from processed_event where consumer = 'billing.payment-settled'"; }
WARMED0=$(billed)
if [ "$W" -gt 0 ]; then
  echo "warm-up: $W payments initiated and settled (not measured)…"
  "${LOAD[@]}" "$WORK/warm" "$C" POST "$PAY/payments/{}/start" "" "Authorization: Bearer $TOKEN" >/dev/null
  "${PSQL[@]}" -d guichet_bench_payment -c "select gateway_ref from payment where gateway_ref is not null" > "$WORK/warmrefs"
  "${LOAD[@]}" "$WORK/warmrefs" "$C" POST "$SIM/mollie/checkout/{}" "status=paid" \
    "Content-Type: application/x-www-form-urlencoded" > /dev/null
  for _ in $(seq 1 600); do
    WARMED=$(billed)
    [ $((WARMED - WARMED0)) -ge "$W" ] && break
    sleep 0.25
  done
fi
# The clock starts once the suite is quiet (the other consumers have caught up with the warm-up:
# receipts rendered and mailed, read model updated): less than QUIET CPU-seconds used in 2 s by all
# components together. What an idle suite still burns is printed.
QUIET=${QUIET:-0.3}
cpu_total() { tr ' ' '\n' <<<"$1" | paste - - | awk '{s += $2} END {printf "%.1f", s}'; }
for _ in $(seq 1 90); do
  A=$(cpu_snapshot); sleep 2; B=$(cpu_snapshot)
  awk -v a="$(cpu_total "$A")" -v b="$(cpu_total "$B")" -v q="$QUIET" 'BEGIN {exit !(b - a < q)}' && break
done
IDLE0=$(cpu_snapshot); sleep 10; IDLE1=$(cpu_snapshot)
# PROFILE="payment billing" records those services with Java Flight Recorder from here to the end
# (settings=profile); the recordings are left in .guichet/bench/<service>.jfr (read: jfr print, jfr summary)
# per thread of a process: "name ticks" (threads of a kind summed: the event loops, the compilers, GC…)
threads_cpu() {
  for t in /proc/"$1"/task/*; do
    printf '%s %s\n' "$(tr ' ' '_' < "$t/comm" | sed 's/[-_]*[0-9]*$//')" \
      "$(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}')"
  done | awk '{s[$1] += $2} END {for (k in s) print k, s[k]}' | sort
}
for s in ${PROFILE:-}; do threads_cpu "$(cat "$STATE/$s.pid")" > "$WORK/$s.threads0"; done
for s in ${PROFILE:-}; do
  jcmd "$(cat "$STATE/$s.pid")" JFR.start name=bench settings=profile filename="$STATE/$s.jfr" >/dev/null
done

echo "initiations: $N starts by $C clients…"
CPU0=$(cpu_snapshot)
read -r OK _ INIT_MS _ P50 P99 < <("${LOAD[@]}" "$WORK/ids" "$C" POST "$PAY/payments/{}/start" "" \
  "Authorization: Bearer $TOKEN")

CPU1=$(cpu_snapshot)
for s in ${PROFILE:-}; do
  echo "  $s's threads during the initiations (CPU s):"
  join <(sort "$WORK/$s.threads0") <(threads_cpu "$(cat "$STATE/$s.pid")") |
    awk -v t="$TCK" '$3 - $2 > 0 {printf "    %-40s %.1f\n", $1, ($3 - $2) / t}' | sort -k2 -rn | head -12
done
echo "settlements: every payment paid on the simulator's page…"
"${PSQL[@]}" -d guichet_bench_payment -c "select p.gateway_ref from payment p where p.gateway_ref is not null
  and p.state = 'PENDING'" > "$WORK/refs"
BILLED0=$(billed)
t0=$(date +%s%N)
"${LOAD[@]}" "$WORK/refs" "$C" POST "$SIM/mollie/checkout/{}" "status=paid" \
  "Content-Type: application/x-www-form-urlencoded" > /dev/null
for _ in $(seq 1 1200); do
  BILLED=$(billed)
  [ $((BILLED - BILLED0)) -ge "$OK" ] && break
  sleep 0.25
done
SETTLE_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
CPU2=$(cpu_snapshot)
SETTLED=$("${PSQL[@]}" -d guichet_bench_payment -c "select count(*) from payment where state = 'SETTLED'") 
SETTLED=$((SETTLED - W))
# where the time went: the last callback in the inbox, the last settlement, the last relay to Kafka, the last billing commit
STAGES=$("${PSQL[@]}" -d guichet_bench_payment -c "select
  (extract(epoch from (select max(received_at) from callback_inbox)) * 1000)::bigint || ' ' ||
  (extract(epoch from (select max(settled_at) from payment)) * 1000)::bigint || ' ' ||
  (extract(epoch from (select max(sent_at) from outbox_event where type = 'PaymentSettled')) * 1000)::bigint")
BILLED_AT=$("${PSQL[@]}" -d guichet_bench_billing -c "select (extract(epoch from max(processed_at)) * 1000)::bigint
  from processed_event where consumer = 'billing.payment-settled'")
read -r INBOX_AT SETTLED_AT RELAYED_AT <<< "$STAGES"
T0_MS=$(( t0 / 1000000 ))
PAID_BILLS=$("${PSQL[@]}" -d guichet_bench_billing -c "select count(*) from invoice
  where account_id like 'bench-$RUN_ID-%' and state = 'PAID'")
PAID_BILLS=$((PAID_BILLS - W))
EVENTS=$(( $("${PSQL[@]}" -d guichet_bench_payment -c "select count(*) from outbox_event where type = 'PaymentSettled'") - W ))

for s in ${PROFILE:-}; do jcmd "$(cat "$STATE/$s.pid")" JFR.stop name=bench >/dev/null; done
echo "pgbench -c 8 -j 2 (TPC-B, 15 s)…"
"${PSQL[@]}" -d postgres -c "drop database if exists guichet_bench_pgbench" -c "create database guichet_bench_pgbench"
pgbench -h 127.0.0.1 -U guichet -i -q -s 8 guichet_bench_pgbench >/dev/null 2>&1
TPS=$(pgbench -h 127.0.0.1 -U guichet -c 8 -j 2 -T 15 guichet_bench_pgbench 2>/dev/null | awk '/^tps/ {print int($3); exit}')
"${PSQL[@]}" -d postgres -c "drop database if exists guichet_bench_pgbench"

echo
echo "payment benchmark ($N payments, $C concurrent clients, Mollie through the gateway simulator)"
printf '  %-46s %s of %s in %s ms = %s/s\n' "initiations (POST /start → Mollie create)" "$OK" "$N" "$INIT_MS" \
  "$(( OK * 1000 / (INIT_MS > 0 ? INIT_MS : 1) ))"
printf '  %-46s p50 %s ms, p99 %s ms\n' "initiation latency" "$P50" "$P99"
printf '  %-46s %s settled, %s PaymentSettled, %s consumed by billing in %s ms = %s/s\n' \
  "settlements (webhook → look-up → billing)" "$SETTLED" "$EVENTS" "$((BILLED - BILLED0))" "$SETTLE_MS" \
  "$(( (BILLED - BILLED0) * 1000 / (SETTLE_MS > 0 ? SETTLE_MS : 1) ))"
printf '  %-46s %s of %s\n' "bills paid in billing (measured round)" "$PAID_BILLS" "$N"
printf '  %-46s inbox +%s ms, settled +%s ms, on Kafka +%s ms, billing +%s ms\n' "last of each stage after the first pay" \
  "$((INBOX_AT - T0_MS))" "$((SETTLED_AT - T0_MS))" "$((RELAYED_AT - T0_MS))" "$((BILLED_AT - T0_MS))"
printf '  %-46s %s tps\n' "pgbench TPC-B (-c 8 -j 2), same run" "$TPS"
printf '  %-46s %s\n' "CPU used by the idle suite in 10 s" "$(cpu_spent "$IDLE0" "$IDLE1")"
printf '  %-46s %s\n' "CPU used during the initiations" "$(cpu_spent "$CPU0" "$CPU1")"
printf '  %-46s %s\n' "CPU used during the settlements" "$(cpu_spent "$CPU1" "$CPU2")"
