# Sourced by the billing benchmarks: a fresh database DB and billing-service (the built jar) on PORT,
# without Kafka (the outbox keeps its rows; the benchmarks measure the database work). Sets PID and
# ROOT, PSQL, JAR; stops the service and drops the database on exit.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PGPASSWORD=guichet
PSQL=(psql -qtA -h 127.0.0.1 -U guichet)
JAR="$ROOT/billing-service/target/quarkus-app/quarkus-run.jar"
# always the current code: a jar left from an older build would measure the wrong thing
(cd "$ROOT" && mvn -B -q package -DskipTests -pl billing-service,libs/testing -am) || exit 1

"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
java -Xmx512m -XX:+UseG1GC -Dquarkus.http.port="$PORT" \
  -Dquarkus.profile=demo -Dquarkus.config.locations="$ROOT/config/demo/common.properties,$ROOT/config/demo/billing-service.properties" \
  -Dquarkus.datasource.reactive.url="postgresql://127.0.0.1:5432/$DB" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  -Dkafka.bootstrap.servers=127.0.0.1:1 -Dguichet.accrual.cron=off \
  -Dquarkus.log.category.\"org.guichet.platform.outbox\".level=ERROR \
  -Dquarkus.log.category.\"org.apache.kafka\".level=OFF \
  -jar "$JAR" >/dev/null 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/live" && break; sleep 1; done
