#!/usr/bin/env bash
# The ledger benchmark (docs/design.md, "Figures"), in one run on this machine:
#   1. pgbench's one-row insert rate on the PostgreSQL server the ledger uses;
#   2. the ledger service against a fresh database and a Kafka broker, loaded by the Java client
#      in bench/ (sustained movements/s, batch and single-command latency, publish drain);
#   3. one table with both figures and their ratio, also written to bench/results/*.json.
# It starts what is missing on its own ports and stops what it started; a running local stack
# (./ledgerline start) is never touched. Arguments go to the load client, e.g. --seconds=30.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="$ROOT/bench"

# The stack's functions, pointed at the bench's own state dir, Kafka ports and database.
export LEDGERLINE_HOME="${LEDGERLINE_BENCH_HOME:-$ROOT/.ledgerline/bench}"
export LEDGERLINE_KAFKA_PORT="${LEDGERLINE_BENCH_KAFKA_PORT:-19092}"
export LEDGERLINE_KAFKA_CONTROLLER_PORT="${LEDGERLINE_BENCH_KAFKA_CONTROLLER_PORT:-19093}"
# Its own database name lets two checkouts benchmark on one server without dropping each other's.
export LEDGERLINE_PG_DATABASE="${LEDGERLINE_BENCH_PG_DATABASE:-ledgerline_bench}"
export LEDGERLINE_AUTH_PORT="${LEDGERLINE_BENCH_AUTH_PORT:-18085}"
# shellcheck source=../infra/stack/stack.sh
source "$ROOT/infra/stack/stack.sh"

LEDGER_PORT="${LEDGERLINE_BENCH_LEDGER_PORT:-18081}"
LEDGER_COMPONENT=bench-ledger
AUTH_COMPONENT=bench-auth
# Another build of the ledger (e.g. of a clean checkout) can be benchmarked instead of the tree's.
LEDGER_JAR="${LEDGERLINE_BENCH_LEDGER_JAR:-$(service_jar ledger-service)}"
# JVM options for the ledger.
LEDGER_JAVA_OPTS="${LEDGERLINE_BENCH_LEDGER_JAVA_OPTS:--Xmx1g}"
# Spring arguments for the ledger, e.g. "--ledgerline.writer.partitions=2". By default the
# repository's WARN for every aggregate the batched writer loads outside a command message is
# silenced: at 10,000 movements/s it writes that many log lines a second.
LEDGER_ARGS="${LEDGERLINE_BENCH_LEDGER_ARGS-\
--logging.level.org.axonframework.modelling.command.AbstractRepository=ERROR}"
PGBENCH_CLIENTS="${LEDGERLINE_BENCH_PGBENCH_CLIENTS:-4}"
PGBENCH_THREADS="${LEDGERLINE_BENCH_PGBENCH_THREADS:-2}"
PGBENCH_SECONDS="${LEDGERLINE_BENCH_PGBENCH_SECONDS:-15}"
HEALTH_TIMEOUT_S=180
BENCH_JAR="$BENCH_DIR/target/bench-$VERSION.jar"
BENCH_CLASSPATH_FILE="$BENCH_DIR/target/runtime.classpath"

MVN=(mvn -B -q -Dstyle.color=never)

STARTED_KAFKA=0
STARTED_POSTGRES=0

psql_bench() {
  psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"
}

ensure_pgbench() {
  command -v pgbench >/dev/null && command -v psql >/dev/null && return 0
  say "Installing postgresql-client and postgresql-contrib (pgbench and psql are missing)"
  local sudo=""
  ((EUID == 0)) || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql-client postgresql-contrib
}

build_if_missing() {
  if [[ ! -f $INFRA_JAR || ! -f $INFRA_CLASSPATH_FILE ]]; then
    say "Build           infra (the broker's classpath is missing)"
    (cd "$ROOT" && "${MVN[@]}" -pl infra -am package -DskipTests)
  fi
  if [[ ! -f $(service_jar auth-server) ]]; then
    say "Build           auth-server (its jar is missing)"
    (cd "$ROOT" && "${MVN[@]}" -pl auth-server -am package -DskipTests)
  fi
  if [[ ! -f $LEDGER_JAR ]]; then
    say "Build           contracts and ledger-service (the ledger jar is missing)"
    (cd "$ROOT" && "${MVN[@]}" -pl ledger-service -am package -DskipTests)
  elif [[ -z ${LEDGERLINE_BENCH_LEDGER_JAR:-} ]] && [[ -n $(find "$ROOT/ledger-service/src/main" \
    "$ROOT/ledger-service/pom.xml" -newer "$LEDGER_JAR" -print -quit) ]]; then
    warn "$LEDGER_JAR is older than ledger-service's sources; benchmarking it anyway" \
      "(rebuild: mvn -B -q -o -pl contracts,ledger-service install -DskipTests)"
  fi
  if [[ ! -f $BENCH_JAR || ! -f $BENCH_CLASSPATH_FILE ]] \
    || [[ -n $(find "$BENCH_DIR/src" "$BENCH_DIR/pom.xml" -newer "$BENCH_JAR" -print -quit) ]]; then
    say "Build           bench (the load client)"
    (cd "$ROOT" && "${MVN[@]}" -pl bench -am package -DskipTests)
  fi
}

# One run at a time: two would share the ports, the database and the state dir. The lock is on
# fd 9, which launch_java closes for the ledger and the broker, so it ends with this script.
take_bench_lock() {
  mkdir -p "$LEDGERLINE_HOME"
  exec 9>"$LEDGERLINE_HOME/bench.lock"
  if ! flock -n 9; then
    warn "another benchmark run is in progress (lock: $LEDGERLINE_HOME/bench.lock)"
    exit 1
  fi
}

# Runs private copies: a build elsewhere in the shared tree may replace a jar under a running
# JVM, which then fails to load its next class.
copy_jars() {
  local dir="$LEDGERLINE_HOME/jars"
  mkdir -p "$dir"
  cp "$BENCH_JAR" "$dir/bench.jar"
  cp "$LEDGER_JAR" "$dir/ledger-service.jar"
  BENCH_JAR="$dir/bench.jar"
  LEDGER_JAR="$dir/ledger-service.jar"
}

start_postgres_if_needed() {
  port_answers "$PG_PORT" || STARTED_POSTGRES=1
  ensure_postgres
}

fresh_database() {
  say "Database        dropping and creating $PG_DATABASE"
  psql_bench -d postgres -c "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE)"
  psql_bench -d postgres -c "CREATE DATABASE $PG_DATABASE"
}

# Prints pgbench's transactions per second for one-row inserts on the bench database.
run_pgbench() {
  local script output tps
  script="$LEDGERLINE_HOME/pgbench-insert.sql"
  mkdir -p "$LEDGERLINE_HOME"
  printf '%s\n' "INSERT INTO bench_insert(account, amount) VALUES ('a', 1);" >"$script"
  psql_bench -d "$PG_DATABASE" -c "CREATE TABLE bench_insert(id bigserial, account text,
    amount bigint, at timestamptz default now())"
  output="$(pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -n -c "$PGBENCH_CLIENTS" \
    -j "$PGBENCH_THREADS" -T "$PGBENCH_SECONDS" -f "$script" "$PG_DATABASE" 2>&1)" || {
    warn "pgbench failed:"
    printf '%s\n' "$output" >&2
    return 1
  }
  tps="$(awk '/^tps = / { print $3; exit }' <<<"$output")"
  [[ -n $tps ]] || { warn "no tps in pgbench's output: $output"; return 1; }
  printf '%s' "$tps"
}

start_kafka_if_needed() {
  if port_answers "$KAFKA_PORT"; then
    say "Kafka           using the broker that answers on $KAFKA_BOOTSTRAP"
  else
    # A fresh log for every run: the bench counts end offsets against the event store.
    rm -rf "$LEDGERLINE_HOME/kafka"
    STARTED_KAFKA=1
    ensure_kafka
  fi
  provision_topics
}

start_ledger() {
  if port_answers "$LEDGER_PORT"; then
    warn "port $LEDGER_PORT is taken; stop what runs there or set LEDGERLINE_BENCH_LEDGER_PORT"
    return 1
  fi
  say "Ledger          starting on port $LEDGER_PORT (log: $LOG_DIR/$LEDGER_COMPONENT.log)"
  # shellcheck disable=SC2086 # the options hold several arguments on purpose
  PORT="$LEDGER_PORT" SERVER_PORT="$LEDGER_PORT" LEDGERLINE_DB_URL="$DB_URL" \
    LEDGERLINE_DB_USER="$PG_USER" LEDGERLINE_KAFKA="$KAFKA_BOOTSTRAP" \
    LEDGERLINE_AUTH_URL="$AUTH_URL" AXONIQ_UPDATE_CHECKER_DISABLED=true \
    launch_java "$LEDGER_COMPONENT" $LEDGER_JAVA_OPTS -Daxoniq.update-checker.disabled=true \
    -jar "$LEDGER_JAR" $LEDGER_ARGS
  wait_for_ledger
}

wait_for_ledger() {
  local waited=0 pid
  pid="$(cat "$PID_DIR/$LEDGER_COMPONENT.pid")"
  until service_healthy ledger-service "$LEDGER_PORT"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      report_failed_start "$LEDGER_COMPONENT" "exited while starting"
      return 1
    fi
    if ((waited >= HEALTH_TIMEOUT_S)); then
      report_failed_start "$LEDGER_COMPONENT" "is not healthy after ${HEALTH_TIMEOUT_S}s"
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  say "Ledger          UP after ${waited}s"
}

stop_started() {
  local pid
  if pid="$(component_pid "$LEDGER_COMPONENT")"; then
    say "Ledger          stopping (pid $pid)"
    stop_pid "$LEDGER_COMPONENT" "$pid"
  fi
  if pid="$(component_pid "$AUTH_COMPONENT")"; then
    say "auth-server     stopping (pid $pid)"
    stop_pid "$AUTH_COMPONENT" "$pid"
  fi
  if ((STARTED_KAFKA)); then
    stop_kafka || true
  fi
  if ((STARTED_POSTGRES)); then
    stop_postgres || true
  fi
  return 0
}

machine_description() {
  local cpu memory load
  cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  memory="$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%s cores (%s), %s, load average before the run: %s' \
    "$(nproc)" "${cpu:-unknown cpu}" "$memory" "$load"
}

run_client() {
  local classpath
  classpath="$(cat "$BENCH_CLASSPATH_FILE")"
  # The operator's secret through the environment only (io.ledgerline.bench.AccessTokens).
  LEDGERLINE_AUTH_CLIENT_SECRET="$(client_secret operator 2>/dev/null || true)" \
    java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$BENCH_JAR:$classpath" io.ledgerline.bench.LedgerBench "$@"
}

main() {
  local machine tps
  if [[ " $* " == *" --help "* ]]; then
    build_if_missing
    run_client --help
    return
  fi
  take_bench_lock
  machine="$(machine_description)"
  ensure_pgbench
  build_if_missing
  copy_jars
  trap stop_started EXIT
  trap 'exit 130' INT TERM
  start_postgres_if_needed
  fresh_database
  say "pgbench         one-row inserts: $PGBENCH_CLIENTS clients, $PGBENCH_THREADS threads," \
    "${PGBENCH_SECONDS}s"
  tps="$(run_pgbench)"
  say "pgbench         $tps transactions/s"
  start_kafka_if_needed
  ensure_secrets
  launch_auth_server "$AUTH_COMPONENT" "$LEDGERLINE_HOME/jars"
  start_ledger
  run_client --ledger-url="http://127.0.0.1:$LEDGER_PORT" --auth-url="$AUTH_URL" \
    --kafka="$KAFKA_BOOTSTRAP" \
    --db-url="$DB_URL" --db-user="$PG_USER" --results-dir="$BENCH_DIR/results" \
    --pgbench-tps="$tps" --pgbench-clients="$PGBENCH_CLIENTS" \
    --pgbench-seconds="$PGBENCH_SECONDS" --machine="$machine" \
    --ledger-settings="$LEDGER_JAVA_OPTS $LEDGER_ARGS" \
    --ledger-pid="$(cat "$PID_DIR/$LEDGER_COMPONENT.pid")" "$@"
}

# Sourcing this file (for experiments) defines the functions without running anything.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
