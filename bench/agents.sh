#!/usr/bin/env bash
# The agents benchmark (docs/design.md, "Figures"), in one run on this machine:
#   alerts: a usage command to the ledger that crosses a customer's threshold -> the alert's mail
#           stored by GreenMail, and -> the partner's signed webhook POST, p50/p99 (the ledger,
#           its Kafka publisher and notification-service; --alert-source=kafka publishes the
#           events straight to Kafka instead);
#   calls:  call admission (POST /api/v1/calls) at a fixed rate, p50/p99, with extend and end
#           (billing-service against the real ledger);
#   purchases: credit-plan purchases per second end to end, and the lag from the payment confirmed
#           to the credits in the ledger's read side, p50/p99 (billing's built-in provider, its
#           webhook, the real ledger). Not part of "both".
# Usage: bench/agents.sh [alerts|calls|both|purchases] [client arguments, e.g. --alerts=100]
# It starts its own database, Kafka broker and services on bench ports and stops what it started;
# a running ./ledgerline start stack is never touched.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="$ROOT/bench"

export LEDGERLINE_HOME="${LEDGERLINE_BENCH_AG_HOME:-$ROOT/.ledgerline/bench-agents}"
export LEDGERLINE_KAFKA_PORT="${LEDGERLINE_BENCH_AG_KAFKA_PORT:-19292}"
export LEDGERLINE_KAFKA_CONTROLLER_PORT="${LEDGERLINE_BENCH_AG_KAFKA_CONTROLLER_PORT:-19293}"
export LEDGERLINE_PG_DATABASE="${LEDGERLINE_BENCH_AG_PG_DATABASE:-ledgerline_bench_agents}"
export LEDGERLINE_AUTH_PORT="${LEDGERLINE_BENCH_AG_AUTH_PORT:-18285}"
# shellcheck source=../infra/stack/stack.sh
source "$ROOT/infra/stack/stack.sh"

LEDGER_PORT="${LEDGERLINE_BENCH_AG_LEDGER_PORT:-18281}"
BILLING_PORT="${LEDGERLINE_BENCH_AG_BILLING_PORT:-18282}"
NOTIFICATION_PORT="${LEDGERLINE_BENCH_AG_NOTIFICATION_PORT:-18283}"
SMTP_BENCH_PORT="${LEDGERLINE_BENCH_AG_SMTP_PORT:-18325}"
WEBHOOK_PORT="${LEDGERLINE_BENCH_AG_WEBHOOK_PORT:-18390}"
SERVICE_JAVA_OPTS="${LEDGERLINE_BENCH_AG_JAVA_OPTS:--Xmx512m}"
HEALTH_TIMEOUT_S=240
BENCH_JAR="$BENCH_DIR/target/bench-$VERSION.jar"
BENCH_CLASSPATH_FILE="$BENCH_DIR/target/runtime.classpath"
MVN=(mvn -B -q -Dstyle.color=never)

STARTED_KAFKA=0
STARTED_POSTGRES=0
COMPONENTS=()

# name:port:module of what the chosen figures need, in start order.
choose_components() {
  case "$1" in
    alerts)
      COMPONENTS=("ledger:$LEDGER_PORT:ledger-service"
        "notification:$NOTIFICATION_PORT:notification-service")
      ;;
    calls|purchases)
      COMPONENTS=("ledger:$LEDGER_PORT:ledger-service" "billing:$BILLING_PORT:billing-service")
      ;;
    both)
      COMPONENTS=("ledger:$LEDGER_PORT:ledger-service" "billing:$BILLING_PORT:billing-service"
        "notification:$NOTIFICATION_PORT:notification-service")
      ;;
  esac
}

psql_bench() {
  psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"
}

build_if_missing() {
  local entry module jar
  if [[ ! -f $INFRA_JAR || ! -f $INFRA_CLASSPATH_FILE ]]; then
    say "Build           infra (the broker's classpath is missing)"
    (cd "$ROOT" && "${MVN[@]}" -pl infra -am package -DskipTests)
  fi
  if [[ ! -f $(service_jar auth-server) ]]; then
    say "Build           auth-server (its jar is missing)"
    (cd "$ROOT" && "${MVN[@]}" -pl auth-server -am package -DskipTests)
  fi
  for entry in "${COMPONENTS[@]}"; do
    module="${entry##*:}"
    jar="$(service_jar "$module")"
    if [[ ! -f $jar ]]; then
      say "Build           $module (its jar is missing)"
      (cd "$ROOT" && "${MVN[@]}" -pl "$module" -am package -DskipTests)
    elif [[ -n $(find "$ROOT/$module/src/main" "$ROOT/$module/pom.xml" -newer "$jar" \
      -print -quit) ]]; then
      warn "$jar is older than $module's sources; benchmarking it anyway" \
        "(rebuild: mvn -B -q -pl $module -am package -DskipTests)"
    fi
  done
  if [[ ! -f $BENCH_JAR || ! -f $BENCH_CLASSPATH_FILE ]] \
    || [[ -n $(find "$BENCH_DIR/src" "$BENCH_DIR/pom.xml" -newer "$BENCH_JAR" -print -quit) ]]; then
    say "Build           bench (the load client)"
    (cd "$ROOT" && "${MVN[@]}" -pl bench -am package -DskipTests)
  fi
}

# One run at a time: two would share the ports, the database and the state dir.
take_bench_lock() {
  mkdir -p "$LEDGERLINE_HOME"
  exec 9>"$LEDGERLINE_HOME/bench.lock"
  if ! flock -n 9; then
    warn "another agents benchmark run is in progress (lock: $LEDGERLINE_HOME/bench.lock)"
    exit 1
  fi
}

check_ports_free() {
  local entry port
  for entry in "${COMPONENTS[@]}" "smtp:$SMTP_BENCH_PORT:-" "webhooks:$WEBHOOK_PORT:-"; do
    port="$(cut -d: -f2 <<<"$entry")"
    if port_answers "$port"; then
      warn "port $port (for ${entry%%:*}) is taken; stop what runs there or set" \
        "LEDGERLINE_BENCH_AG_*_PORT"
      return 1
    fi
  done
}

fresh_database() {
  say "Database        dropping and creating $PG_DATABASE"
  psql_bench -d postgres -c "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE)"
  psql_bench -d postgres -c "CREATE DATABASE $PG_DATABASE"
}

start_kafka() {
  if port_answers "$KAFKA_PORT"; then
    say "Kafka           using the broker that answers on $KAFKA_BOOTSTRAP"
  else
    rm -rf "$STATE_DIR/kafka"
    STARTED_KAFKA=1
    ensure_kafka
  fi
  provision_topics
}

start_component() {
  local name="$1" port="$2" module="$3" component="bench-ag-$1" jar
  # A copy: a build elsewhere in the tree may replace the jar under the running JVM.
  jar="$STATE_DIR/jars/$module.jar"
  mkdir -p "$STATE_DIR/jars"
  cp "$(service_jar "$module")" "$jar"
  say "$(printf '%-15s' "$name") starting on port $port (log: $LOG_DIR/$component.log)"
  # shellcheck disable=SC2086 # the options hold several arguments on purpose
  PORT="$port" SERVER_PORT="$port" LEDGERLINE_DB_URL="$DB_URL" LEDGERLINE_DB_USER="$PG_USER" \
    LEDGERLINE_KAFKA="$KAFKA_BOOTSTRAP" \
    LEDGERLINE_LEDGER_URL="http://127.0.0.1:$LEDGER_PORT/api/v1" \
    LEDGERLINE_SMTP_PORT="$SMTP_BENCH_PORT" LEDGERLINE_WEBHOOKS_ALLOW_LOCAL=true \
    LEDGERLINE_AUTH_URL="$AUTH_URL" LEDGERLINE_AUTH_CLIENT_SECRET="$(client_secret billing)" \
    LEDGERLINE_WEBHOOK_SECRET_KEY="$(cat "$WEBHOOK_KEY_FILE")" \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    launch_java "$component" $SERVICE_JAVA_OPTS -Daxoniq.update-checker.disabled=true \
    -jar "$jar" \
    --logging.level.org.axonframework.modelling.command.AbstractRepository=ERROR
}

wait_healthy() {
  local name="$1" port="$2" module="$3" component="bench-ag-$1" waited=0 pid
  pid="$(cat "$PID_DIR/$component.pid")"
  until service_healthy "$module" "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      report_failed_start "$component" "exited while starting"
      return 1
    fi
    if ((waited >= HEALTH_TIMEOUT_S)); then
      report_failed_start "$component" "is not healthy after ${HEALTH_TIMEOUT_S}s"
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  say "$(printf '%-15s' "$name") UP after ${waited}s"
}

# The ledger first: billing calls it at start. Then the others, one at a time (two cores).
start_services() {
  local entry name port module
  for entry in "${COMPONENTS[@]}"; do
    IFS=: read -r name port module <<<"$entry"
    start_component "$name" "$port" "$module"
    wait_healthy "$name" "$port" "$module"
  done
}

stop_started() {
  local name pid index
  for ((index = ${#COMPONENTS[@]} - 1; index >= 0; index--)); do
    name="bench-ag-${COMPONENTS[index]%%:*}"
    if pid="$(component_pid "$name")"; then
      say "$(printf '%-15s' "${name#bench-ag-}") stopping (pid $pid)"
      stop_pid "$name" "$pid"
    fi
  done
  if pid="$(component_pid bench-ag-auth)"; then
    say "auth-server     stopping (pid $pid)"
    stop_pid bench-ag-auth "$pid"
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
  local cpu memory
  cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  memory="$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
  printf '%s cores (%s), %s, load average before the run: %s' \
    "$(nproc)" "${cpu:-unknown cpu}" "$memory" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

run_client() {
  local jar="$STATE_DIR/jars/bench.jar"
  mkdir -p "$STATE_DIR/jars"
  cp "$BENCH_JAR" "$jar"
  LEDGERLINE_AUTH_URL="$AUTH_URL" LEDGERLINE_AUTH_CLIENT_SECRET="$(client_secret operator)" \
    java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$jar:$(cat "$BENCH_CLASSPATH_FILE")" io.ledgerline.bench.agents.AgentsBench "$@"
}

main() {
  local which="both" machine
  case "${1:-}" in
    alerts|calls|both|purchases) which="$1"; shift ;;
  esac
  choose_components "$which"
  build_if_missing
  if [[ " $* " == *" --help "* ]]; then
    run_client --help
    return
  fi
  take_bench_lock
  machine="$(machine_description)"
  check_ports_free
  trap stop_started EXIT
  trap 'exit 130' INT TERM
  port_answers "$PG_PORT" || STARTED_POSTGRES=1
  ensure_postgres
  fresh_database
  start_kafka
  ensure_secrets
  launch_auth_server bench-ag-auth "$STATE_DIR/jars"
  start_services
  run_client --which="$which" --kafka="$KAFKA_BOOTSTRAP" \
    --notification-url="http://127.0.0.1:$NOTIFICATION_PORT" \
    --ledger-url="http://127.0.0.1:$LEDGER_PORT/api/v1" \
    --billing-url="http://127.0.0.1:$BILLING_PORT" \
    --smtp-port="$SMTP_BENCH_PORT" --webhook-port="$WEBHOOK_PORT" \
    --results-dir="$BENCH_DIR/results" --machine="$machine" "$@"
}

# Sourcing this file (for experiments) defines the functions without running anything.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
