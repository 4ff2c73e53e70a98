#!/usr/bin/env bash
# Account search benchmark (R24): 1,000,000 accounts, then 200 searches of each kind through
# billing-service's real endpoint; prints p50/p99 per kind (curl's time_total, loopback).
# Usage: bench/account-search.sh [ACCOUNTS] [QUERIES_PER_KIND]
set -euo pipefail
ACCOUNTS=${1:-1000000}
N=${2:-200}
DB=guichet_bench_search
PORT=28082
source "$(dirname "$0")/billing-on-bench-db.sh"

echo "loading $ACCOUNTS accounts…"
t0=$(date +%s%N)
"${PSQL[@]}" -d $DB <<SQL
with n as (
  select g,
         (array['Novák','Nováková','Dvořák','Dvořáková','Svoboda','Svobodová','Černý','Černá','Procházka','Kučera',
                'Dupont','Lambert','Peeters','Janssens','Maes','Jacobs','Mertens','Willems','Claes','Goossens'])[1 + g % 20]
         || '-' || g as last,
         (array['Jana','Petr','Marie','Jan','Eva','Pierre','Sophie','Luc','Anne','Tomáš'])[1 + (g / 20) % 10] as first
  from generate_series(1, $ACCOUNTS) g
)
insert into account (id, tenant, account_id, name, name_folded, city, city_folded, postal_code, phone, phone_digits,
                     created_at, updated_at)
select gen_random_uuid(), 'lib-kladno', 'A' || lpad(g::text, 8, '0'), last || ', ' || first,
       lower(translate(last || ', ' || first, 'áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ', 'acdeeinorstuuyzACDEEINORSTUUYZ')),
       (array['Kladno','Slaný','Beroun','Kralupy','Rakovník'])[1 + g % 5],
       lower(translate((array['Kladno','Slaný','Beroun','Kralupy','Rakovník'])[1 + g % 5], 'ýá', 'ya')),
       (27000 + g % 900)::text, '+420 ' || (600000000 + g)::text, '420' || (600000000 + g)::text, now(), now()
from n;
analyze account;
SQL
echo "loaded in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
TOKEN=$(java -cp "$ROOT/libs/testing/target/classes" org.guichet.testing.DevTokens --role agent --sub bench --tenant lib-kladno)

measure() { # kind, then a function producing the i-th query string
  local kind=$1 gen=$2 i times=()
  for i in $(seq 1 "$N"); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
      "http://127.0.0.1:$PORT/accounts?$($gen "$i")")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v kind="$kind" '{a[NR]=$1} END {
    printf "  %-34s p50 %6.1f ms   p99 %6.1f ms   (%d queries)\n", kind, a[int(NR*0.5)]*1000, a[int(NR*0.99)]*1000, NR}'
}
q_number() { printf 'number=A%08d' $(( (RANDOM * 32768 + RANDOM) % ACCOUNTS + 1 )); }
q_name_prefix() { printf 'name=dvorak-%d*' $(( RANDOM % 900 + 100 )); }
q_name_infix() { printf 'name=*-%d,*' $(( (RANDOM * 32768 + RANDOM) % ACCOUNTS + 1 )); }
q_city_postal() { printf 'city=slany&postalCode=27%d*' $(( RANDOM % 9 )); }
q_phone() { printf 'phone=420-%d' $(( 600000000 + (RANDOM * 32768 + RANDOM) % ACCOUNTS + 1 )); }

for gen in q_number q_name_prefix q_name_infix q_city_postal q_phone; do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/accounts?$($gen 1)"; done
echo
echo "account search benchmark ($ACCOUNTS accounts, $N queries per kind)"
measure "account number (exact)" q_number
measure "name prefix (dvorak-123*)" q_name_prefix
measure "name infix (*-12345,*)" q_name_infix
measure "city + postal code (27x*)" q_city_postal
measure "phone (digits only)" q_phone
