#!/usr/bin/env bash
# Payment engine benchmark (issue 4), against the gateway simulator on this machine: a whole suite
# is started on its own ports and databases (GUICHET_ENV=bench: +20000), N payments of Namur's
# Mollie régie are seeded, then
#   initiations: POST /payments/{id}/start by C concurrent clients over kept-alive connections
#                (bench/LoadClient.java; each start creates the payment at "Mollie" over HTTP and
#                records the session) — rate, p50, p99;
#   settlements: every payment is paid on the simulator's page; its webhook makes payment-service
#                fetch the status, settle, and publish PaymentSettled, which billing consumes —
#                rate from the first payment to the last consumed by billing;
#   pgbench -c 8 -j 2 (TPC-B) in the same run: the box's limit for durable commits.
# Usage: bench/payments.sh [N] [C]
set -euo pipefail
N=${1:-2000}
C=${2:-16}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export GUICHET_ENV=bench PGPASSWORD=guichet
# a load from one address: the per-client rate limits would measure themselves, not the engine
export GUICHET_EXTRA_PROPS="-Dguichet.limits.rates-enabled=false"
PSQL=(psql -qtA -h 127.0.0.1 -U guichet)
PAY=http://127.0.0.1:28083
SIM=http://127.0.0.1:28090
WORK=$(mktemp -d)
trap '"$ROOT/guichet" down >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

"$ROOT/guichet" up >/dev/null
echo "seeding $N payments (Mollie, 15.00 EUR each)…"
"${PSQL[@]}" -d guichet_bench_payment <<SQL
truncate payment_claim, payment_transition, payment_refund, callback_inbox, outbox_event cascade;
delete from payment;
insert into payment (id, tenant, owner, payer_name, regie, reference, amount, currency, state, gateway, mode, lines,
                     created_at, updated_at)
select gen_random_uuid(), 'ville-namur', 'bench-citizen', 'Bench Citizen', 'namur-etat-civil',
       'NAMUR-ETAT-CIVIL-B' || lpad(g::text, 7, '0'), 1500, 'EUR', 'CREATED', 'mollie', 'ONLINE',
       '[{"kind":"INVOICE","refId":"' || gen_random_uuid() || '","tenant":"ville-namur","description":"bench","amount":1500}]',
       now(), now()
from generate_series(1, $N) g;
SQL
"${PSQL[@]}" -d guichet_bench_payment -c "select id from payment order by reference" > "$WORK/ids"
TOKEN=$(java -cp "$ROOT/libs/testing/target/classes" org.guichet.testing.DevTokens --role citizen --sub bench-citizen --tenant ville-namur)
export TOKEN PAY SIM

LOAD=(java "$ROOT/bench/LoadClient.java")
echo "initiations: $N starts by $C clients…"
read -r OK _ INIT_MS _ P50 P99 < <("${LOAD[@]}" "$WORK/ids" "$C" POST "$PAY/payments/{}/start" "" \
  "Authorization: Bearer $TOKEN")

echo "settlements: every payment paid on the simulator's page…"
"${PSQL[@]}" -d guichet_bench_payment -c "select gateway_ref from payment where gateway_ref is not null" > "$WORK/refs"
BILLED0=$("${PSQL[@]}" -d guichet_bench_billing -c "select count(*) from processed_event where consumer = 'billing.payment-settled'")
t0=$(date +%s%N)
"${LOAD[@]}" "$WORK/refs" "$C" POST "$SIM/mollie/checkout/{}" "status=paid" \
  "Content-Type: application/x-www-form-urlencoded" > /dev/null
for _ in $(seq 1 1200); do
  BILLED=$("${PSQL[@]}" -d guichet_bench_billing -c "select count(*) from processed_event where consumer = 'billing.payment-settled'")
  [ $((BILLED - BILLED0)) -ge "$OK" ] && break
  sleep 0.25
done
SETTLE_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
SETTLED=$("${PSQL[@]}" -d guichet_bench_payment -c "select count(*) from payment where state = 'SETTLED'")
# where the time went: the last callback in the inbox, the last settlement, the last relay to Kafka, the last billing commit
STAGES=$("${PSQL[@]}" -d guichet_bench_payment -c "select
  (extract(epoch from (select max(received_at) from callback_inbox)) * 1000)::bigint || ' ' ||
  (extract(epoch from (select max(settled_at) from payment)) * 1000)::bigint || ' ' ||
  (extract(epoch from (select max(sent_at) from outbox_event where type = 'PaymentSettled')) * 1000)::bigint")
BILLED_AT=$("${PSQL[@]}" -d guichet_bench_billing -c "select (extract(epoch from max(processed_at)) * 1000)::bigint
  from processed_event where consumer = 'billing.payment-settled'")
read -r INBOX_AT SETTLED_AT RELAYED_AT <<< "$STAGES"
T0_MS=$(( t0 / 1000000 ))
EVENTS=$("${PSQL[@]}" -d guichet_bench_payment -c "select count(*) from outbox_event where type = 'PaymentSettled'")

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
printf '  %-46s inbox +%s ms, settled +%s ms, on Kafka +%s ms, billing +%s ms\n' "last of each stage after the first pay" \
  "$((INBOX_AT - T0_MS))" "$((SETTLED_AT - T0_MS))" "$((RELAYED_AT - T0_MS))" "$((BILLED_AT - T0_MS))"
printf '  %-46s %s tps\n' "pgbench TPC-B (-c 8 -j 2), same run" "$TPS"
