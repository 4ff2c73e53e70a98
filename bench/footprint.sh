#!/usr/bin/env bash
# What each process of the suite costs at rest: the five services and the staff desk (web/), each started as
# ./guichet up starts it (production's JVM settings: -Xmx256m, SerialGC), on a suite of its own (GUICHET_ENV=bench,
# ports +20000, with Keycloak for the desk). Prints per process: start time (Quarkus' own "started in"), resident
# memory after SETTLE seconds at rest (VmRSS), the peak (VmHWM) and the heap in use after a full GC. The services
# start side by side (with Keycloak) on the machine's cores, the desk alone after them: compare start times with that.
# Usage: bench/footprint.sh        SETTLE=20 by default.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export GUICHET_ENV=bench
SETTLE=${SETTLE:-20}
STATE="$ROOT/.guichet/bench"
trap '"$ROOT/guichet" down >/dev/null 2>&1 || true' EXIT

"$ROOT/guichet" up --keycloak >/dev/null
echo "suite up; at rest for ${SETTLE} s…"
sleep "$SETTLE"

printf '%-22s %10s %12s %12s %12s\n' process "start (s)" "RSS (MiB)" "peak (MiB)" "heap (MiB)"
for name in billing cart payment notification reporting web; do
  pidfile="$STATE/$name.pid"
  [ -f "$pidfile" ] || { printf '%-22s not running\n' "$name"; continue; }
  pid=$(cat "$pidfile")
  started=$(grep -o 'started in [0-9.]*s' "$STATE/logs/$name.log" | tail -1 | grep -o '[0-9.]*')
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  hwm=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  jcmd "$pid" GC.run >/dev/null 2>&1 || true
  # young and old generation together (SerialGC: "def new generation … used NK", "tenured generation … used NK")
  heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | grep 'generation' | grep -o 'used [0-9]*K' | grep -o '[0-9]*' \
    | awk '{sum += $1} END {printf "%.0f", sum / 1024}')
  label=$name; [ "$name" = web ] && label="web (staff desk)" || label="$name-service"
  printf '%-22s %10s %12s %12s %12s\n' "$label" "${started:-?}" "$rss" "$hwm" "${heap:-?}"
done
