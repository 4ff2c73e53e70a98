#!/usr/bin/env bash
# Reporting benchmark (R23): N transactions in a fresh database, reporting-service (the built jar,
# -Xmx256m, no Kafka) on port 28185; then p50/p99 of typical back-office searches (one client), and the
# export of all of them as CSV — wall time and peak heap (jstat) — next to PostgreSQL's own
# COPY … TO STDOUT of the same rows in the same run.
# Usage: bench/reporting.sh [N] [QUERIES_PER_KIND]
set -euo pipefail
N=${1:-1000000}
Q=${2:-200}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DB=guichet_bench_reporting_1m
PORT=28185
export PGPASSWORD=guichet
PSQL=(psql -qtA -h 127.0.0.1 -U guichet)
JAR="$ROOT/reporting-service/target/quarkus-app/quarkus-run.jar"
WORK=$(mktemp -d)
(cd "$ROOT" && mvn -B -q package -DskipTests -pl reporting-service,libs/testing -am) || exit 1

"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
# KEEP=1 leaves the database behind for a look with psql (dropped by the next run)
java -Xmx256m -XX:+UseG1GC -Dquarkus.http.port="$PORT" \
  -Dquarkus.profile=demo -Dquarkus.config.locations="$ROOT/config/demo/common.properties,$ROOT/config/demo/reporting-service.properties" \
  -Dquarkus.datasource.reactive.url="postgresql://127.0.0.1:5432/$DB" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  -Dguichet.limits.rates-enabled=false \
  -Dkafka.bootstrap.servers=127.0.0.1:1 -Dquarkus.log.category.\"org.apache.kafka\".level=OFF \
  -Dquarkus.log.category.\"org.guichet.platform.outbox\".level=ERROR \
  -jar "$JAR" >"$WORK/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; [ -n "${KEEP:-}" ] || "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/live" && break; sleep 1; done

echo "loading $N transactions…"
t0=$(date +%s%N)
"${PSQL[@]}" -d $DB <<SQL
insert into transaction_record (payment_id, tenant, reference, regie, citizen_subject, citizen_name, total, currency,
       status, gateway, gateway_ref, mode, operator, lines, lines_summary, institutions, search_text, created_at,
       settled_at, updated_at)
select gen_random_uuid(), 'ville-namur', 'NAMUR-' || (array['POPULATION','ETAT-CIVIL','REPAS'])[1 + g % 3] || '-'
       || lpad(g::text, 7, '0'),
       (array['namur-population','namur-etat-civil','namur-repas-scolaires'])[1 + g % 3], 'c' || g % 50000,
       (array['Dupré','Lefèvre','Janssens','Peeters','Dvořák','Maes','Lambert','Willems'])[1 + g % 8] || ' '
       || (array['Marie','Luc','Anne','Jan','Sophie'])[1 + g % 5] || ' ' || g % 50000,
       100 + (g * 37) % 20000, 'EUR', (array['SETTLED','SETTLED','SETTLED','FAILED'])[1 + g % 4],
       (array['mollie','ogone','sips','counter'])[1 + g % 4], 'gw' || g, (array['ONLINE','ONLINE','ONLINE','CASH'])[1 + g % 4],
       case when g % 4 = 3 then 'agent-' || g % 7 end,
       '[{"kind":"PROCEDURE","refId":"r' || g || '","tenant":"ville-namur","description":"Extrait d''acte","amount":' || (100 + (g * 37) % 20000) || '}]',
       'Extrait d''acte = ' || replace(to_char((100 + (g * 37) % 20000) / 100.0, 'FM99999990.00'), '.', ','),
       '|ville-namur|',
       lower(translate('NAMUR-' || lpad(g::text, 7, '0') || ' ' || (array['Dupré','Lefèvre','Janssens','Peeters','Dvořák','Maes','Lambert','Willems'])[1 + g % 8]
             || ' ' || (array['Marie','Luc','Anne','Jan','Sophie'])[1 + g % 5] || ' ' || g % 50000 || ' extrait d''acte',
             'éèřá', 'eera')),
       now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval, now()
from generate_series(1, $N) g;
-- as a table in service is: vacuumed (else autovacuum would run during the searches) and analysed
vacuum (analyze) transaction_record;
SQL
echo "loaded in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
TOKEN=$(java -cp "$ROOT/libs/testing/target/classes" org.guichet.testing.DevTokens --role finance --sub bench --tenant ville-namur)
LOAD=(java "$ROOT/bench/LoadClient.java")

search() { # kind, generator of the i-th query string
  local kind=$1 gen=$2 i
  for i in $(seq 1 "$Q"); do $gen "$i"; done > "$WORK/queries"
  read -r ok total _ _ p50 p99 < <("${LOAD[@]}" "$WORK/queries" 1 GET "http://127.0.0.1:$PORT/transactions?{}" "" \
    "Authorization: Bearer $TOKEN")
  printf '  %-44s p50 %6s ms   p99 %6s ms   (%s/%s answered)\n' "$kind" "$p50" "$p99" "$ok" "$total"
}
q_reference() { printf 'q=NAMUR-%s-%07d\n' POPULATION $(( (RANDOM * 32768 + RANDOM) % N / 3 * 3 + 3 )); }
q_name() { printf 'q=dvorak%%20jan%%20%d\n' $(( RANDOM % 50000 )); }
q_regie_days() { printf 'regie=namur-etat-civil&from=%s&to=%s&limit=50\n' "$(date -u -d "-$(( RANDOM % 10 + 1 )) days" +%F)" "$(date -u +%F)"; }
q_amount_sorted() { printf 'minAmount=%d&maxAmount=%d&sort=amount&limit=50\n' $(( RANDOM % 10000 )) $(( 10000 + RANDOM % 10000 )); }
q_page_deep() { printf 'status=SETTLED&gateway=mollie&limit=100\n'; }

echo "searches ($Q of each kind, one client):"
search "reference (free text)" q_reference
search "citizen name, accent-free (free text)" q_name
search "régie + last days" q_regie_days
search "amount range, largest first" q_amount_sorted
search "status + gateway, first page" q_page_deep

echo "export of all $N as CSV, then COPY, three rounds…"
( while kill -0 $PID 2>/dev/null; do jstat -gc $PID 2>/dev/null | awk 'NR==2 {printf "%d\n", ($3+$4+$6+$8)/1024}'; sleep 0.2; done ) > "$WORK/heap" &
SAMPLER=$!
ROUNDS=()
for round in 1 2 3; do
  t0=$(date +%s%N)
  BYTES=$(curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/transactions/export.csv" | wc -c)
  EXPORT_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  t0=$(date +%s%N)
  COPY_BYTES=$("${PSQL[@]}" -d $DB -c "copy (select reference, coalesce(settled_at, created_at), citizen_name, total, currency,
    regie, status, gateway, gateway_ref, lines_summary, accounting_code, refunded from transaction_record
    where tenant = 'ville-namur' order by created_at desc, payment_id) to stdout with (format csv, delimiter ';')" | wc -c)
  COPY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  ROUNDS+=("$round $EXPORT_MS $COPY_MS")
done
kill $SAMPLER 2>/dev/null || true
peak=$(sort -n "$WORK/heap" | tail -1)
echo
echo "reporting benchmark ($N transactions; the first export also warms the service's JIT)"
printf '  export: %s bytes, peak heap %s MB (-Xmx256m); COPY: %s bytes\n' "$BYTES" "$peak" "$COPY_BYTES"
for r in "${ROUNDS[@]}"; do
  read -r round e c <<<"$r"
  printf '  round %s: export CSV (COPY streamed through the service) %5s ms   PostgreSQL COPY … TO STDOUT %5s ms   %s\n' \
    "$round" "$e" "$c" "$(awk -v a="$e" -v b="$c" 'BEGIN {printf "%.2f×", a / (b > 0 ? b : 1)}')"
done
