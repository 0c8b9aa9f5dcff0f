#!/usr/bin/env bash
# The gateway benchmark (docs/design.md, "Figures"), in one run on this machine:
#   added latency at a fixed rate (open loop) and maximum throughput of the gateway against the
#   LLM stub called directly and through nginx (Debian's nginx-light, a reference proxy),
#   streaming, usage -> balance lag and partner drop -> self-service keys refused.
# It starts its own PostgreSQL database, Kafka broker, stub, ledger, billing, gateway and nginx
# on bench ports, and stops what it started; a running ./ledgerline start stack is never touched.
# Arguments go to the load client (io.ledgerline.bench.gateway.GatewayBench), e.g. --seconds=30.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="$ROOT/bench"

export LEDGERLINE_HOME="${LEDGERLINE_BENCH_GW_HOME:-$ROOT/.ledgerline/bench-gw}"
export LEDGERLINE_KAFKA_PORT="${LEDGERLINE_BENCH_GW_KAFKA_PORT:-19192}"
export LEDGERLINE_KAFKA_CONTROLLER_PORT="${LEDGERLINE_BENCH_GW_KAFKA_CONTROLLER_PORT:-19193}"
export LEDGERLINE_PG_DATABASE=ledgerline_bench_gw
export LEDGERLINE_AUTH_PORT="${LEDGERLINE_BENCH_GW_AUTH_PORT:-18185}"
export LEDGERLINE_GATEWAY_MANAGEMENT_PORT="${LEDGERLINE_BENCH_GW_MANAGEMENT_PORT:-18187}"
# shellcheck source=../infra/stack/stack.sh
source "$ROOT/infra/stack/stack.sh"

STUB_PORT="${LEDGERLINE_BENCH_GW_STUB_PORT:-18090}"
LEDGER_PORT="${LEDGERLINE_BENCH_GW_LEDGER_PORT:-18181}"
BILLING_PORT="${LEDGERLINE_BENCH_GW_BILLING_PORT:-18182}"
GATEWAY_PORT="${LEDGERLINE_BENCH_GW_GATEWAY_PORT:-18184}"
NGINX_PORT="${LEDGERLINE_BENCH_GW_NGINX_PORT:-18480}"
AUTH_COMPONENT=bench-gw-auth
NGINX_DIR="$ROOT/.ledgerline/bench/nginx"
SERVICE_JAVA_OPTS="${LEDGERLINE_BENCH_GW_JAVA_OPTS:--Xmx512m}"
HEALTH_TIMEOUT_S=240
BENCH_JAR="$BENCH_DIR/target/bench-$VERSION.jar"
BENCH_CLASSPATH_FILE="$BENCH_DIR/target/runtime.classpath"
MVN=(mvn -B -q -Dstyle.color=never)
# name:port:module, in start order; components carry a bench-gw- prefix in their pid files.
COMPONENTS=(
  "llm-stub:$STUB_PORT:llm-stub"
  "ledger:$LEDGER_PORT:ledger-service"
  "billing:$BILLING_PORT:billing-service"
  "gateway:$GATEWAY_PORT:gateway-service"
)

STARTED_KAFKA=0
STARTED_POSTGRES=0
NGINX_PID=""

psql_bench() {
  psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"
}

as_root() {
  if ((EUID == 0)); then "$@"; else sudo "$@"; fi
}

ensure_tools() {
  if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
    say "Installing nginx-light (the reference proxy)"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nginx-light
    # Debian's package may start its own nginx on port 80; the bench runs its own.
  fi
  if ! command -v psql >/dev/null; then
    say "Installing postgresql-client (psql is missing)"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql-client
  fi
}

nginx_binary() { command -v nginx || printf '/usr/sbin/nginx'; }

build_if_missing() {
  local entry module
  if [[ ! -f $INFRA_JAR || ! -f $INFRA_CLASSPATH_FILE ]]; then
    say "Build           infra (the broker's classpath is missing)"
    (cd "$ROOT" && "${MVN[@]}" -pl infra -am package -DskipTests)
  fi
  for entry in "${COMPONENTS[@]}"; do
    module="${entry##*:}"
    if [[ ! -f $(service_jar "$module") ]]; then
      say "Build           $module (its jar is missing)"
      (cd "$ROOT" && "${MVN[@]}" -pl "$module" -am package -DskipTests)
    fi
  done
  if [[ ! -f $(service_jar auth-server) ]]; then
    say "Build           auth-server (its jar is missing)"
    (cd "$ROOT" && "${MVN[@]}" -pl auth-server -am package -DskipTests)
  fi
  if [[ ! -f $BENCH_JAR || ! -f $BENCH_CLASSPATH_FILE ]] \
    || [[ -n $(find "$BENCH_DIR/src" "$BENCH_DIR/pom.xml" -newer "$BENCH_JAR" -print -quit) ]]; then
    say "Build           bench (the load client)"
    (cd "$ROOT" && "${MVN[@]}" -pl bench -am package -DskipTests)
  fi
}

check_ports_free() {
  local entry port
  for entry in "${COMPONENTS[@]}" "nginx:$NGINX_PORT:-" "auth-server:$AUTH_PORT:-" \
    "gateway management:$GATEWAY_MANAGEMENT_PORT:-"; do
    port="$(cut -d: -f2 <<<"$entry")"
    if port_answers "$port"; then
      warn "port $port (for ${entry%%:*}) is taken; stop what runs there or set" \
        "LEDGERLINE_BENCH_GW_*_PORT"
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
  local name="$1" port="$2" module="$3" component="bench-gw-$1" jar client secret=""
  # A copy: others rebuild the tree's jars meanwhile, and a Spring Boot jar replaced under a
  # running JVM fails on the next class it loads (NoClassDefFoundError mid-run).
  jar="$STATE_DIR/jars/$module.jar"
  mkdir -p "$STATE_DIR/jars"
  cp "$(service_jar "$module")" "$jar"
  # Billing and the gateway call the ledger with their own client's token.
  client="$(service_client "$module")" && secret="$(client_secret "$client")"
  say "$(printf '%-15s' "$name") starting on port $port (log: $LOG_DIR/$component.log)"
  # shellcheck disable=SC2086 # the options hold several arguments on purpose
  PORT="$port" SERVER_PORT="$port" LEDGERLINE_DB_URL="$DB_URL" LEDGERLINE_DB_USER="$PG_USER" \
    LEDGERLINE_KAFKA="$KAFKA_BOOTSTRAP" \
    LEDGERLINE_LEDGER_URL="http://127.0.0.1:$LEDGER_PORT/api/v1" \
    LEDGERLINE_LLM_UPSTREAM_URL="http://127.0.0.1:$STUB_PORT/v1" \
    LEDGERLINE_AUTH_URL="$AUTH_URL" LEDGERLINE_AUTH_CLIENT_SECRET="$secret" \
    LEDGERLINE_GATEWAY_MANAGEMENT_PORT="$GATEWAY_MANAGEMENT_PORT" \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    launch_java "$component" $SERVICE_JAVA_OPTS $(service_java_opts "$module") \
    -Daxoniq.update-checker.disabled=true \
    -jar "$jar" \
    --logging.level.org.axonframework.modelling.command.AbstractRepository=ERROR
}

wait_healthy() {
  local name="$1" port="$2" module="$3" component="bench-gw-$1" waited=0 pid
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

start_services() {
  local entry name port module
  for entry in "${COMPONENTS[@]}"; do
    IFS=: read -r name port module <<<"$entry"
    start_component "$name" "$port" "$module"
    # The ledger must be up before billing and the gateway, which call it at start.
    [[ $name == gateway || $name == llm-stub || $name == ledger ]] \
      && wait_healthy "$name" "$port" "$module"
  done
  IFS=: read -r name port module <<<"${COMPONENTS[2]}"
  wait_healthy "$name" "$port" "$module"
}

start_nginx() {
  mkdir -p "$NGINX_DIR/tmp"
  cat >"$NGINX_DIR/nginx.conf" <<CONF
# Written by bench/gateway.sh: the reference proxy in front of the LLM stub.
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $NGINX_DIR/tmp/body;
  proxy_temp_path $NGINX_DIR/tmp/proxy;
  fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
  uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
  scgi_temp_path $NGINX_DIR/tmp/scgi;
  upstream llm_stub {
    server 127.0.0.1:$STUB_PORT;
    keepalive 128;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    keepalive_requests 1000000;
    location / {
      proxy_pass http://llm_stub;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
    }
  }
}
CONF
  say "nginx           starting on port $NGINX_PORT (config: $NGINX_DIR/nginx.conf)"
  "$(nginx_binary)" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -g 'daemon off;' \
    >>"$NGINX_DIR/nginx.out" 2>&1 </dev/null &
  NGINX_PID=$!
  wait_for_port "$NGINX_PORT" 20 nginx "$NGINX_PID"
}

stop_started() {
  local entry name pid index
  if [[ -n $NGINX_PID ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
    say "nginx           stopping (pid $NGINX_PID)"
    kill -QUIT "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  for ((index = ${#COMPONENTS[@]} - 1; index >= 0; index--)); do
    name="bench-gw-${COMPONENTS[index]%%:*}"
    if pid="$(component_pid "$name")"; then
      say "$(printf '%-15s' "${name#bench-gw-}") stopping (pid $pid)"
      stop_pid "$name" "$pid"
    fi
  done
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
  # The operator's secret through the environment only (io.ledgerline.bench.AccessTokens).
  LEDGERLINE_AUTH_CLIENT_SECRET="$(client_secret operator 2>/dev/null || true)" \
    java -Xmx512m -XX:+UseParallelGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$jar:$(cat "$BENCH_CLASSPATH_FILE")" io.ledgerline.bench.gateway.GatewayBench "$@"
}

# name=pid,... of every process the bench started, for the CPU time each phase used.
bench_pids() {
  local entry name pid list=""
  for entry in "${COMPONENTS[@]}"; do
    name="${entry%%:*}"
    pid="$(component_pid "bench-gw-$name")" && list+="$name=$pid,"
  done
  pid="$(component_pid kafka)" && list+="kafka=$pid,"
  # nginx's one worker does the proxying; its master only watches it.
  pid="$(pgrep -P "$NGINX_PID" | head -n 1)" && list+="nginx=$pid,"
  printf '%s' "${list%,}"
}

main() {
  local machine
  build_if_missing
  if [[ " $* " == *" --help "* ]]; then
    run_client --help
    return
  fi
  machine="$(machine_description)"
  ensure_tools
  check_ports_free
  trap stop_started EXIT
  trap 'exit 130' INT TERM
  port_answers "$PG_PORT" || STARTED_POSTGRES=1
  ensure_postgres
  fresh_database
  start_kafka
  ensure_secrets
  launch_auth_server "$AUTH_COMPONENT" "$STATE_DIR/jars"
  start_services
  start_nginx
  run_client --stub-port="$STUB_PORT" --nginx-port="$NGINX_PORT" \
    --gateway-port="$GATEWAY_PORT" --ledger-url="http://127.0.0.1:$LEDGER_PORT/api/v1" \
    --gateway-management-url="http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT" --auth-url="$AUTH_URL" \
    --kafka="$KAFKA_BOOTSTRAP" --results-dir="$BENCH_DIR/results" --machine="$machine" \
    --pids="$(bench_pids)" --clock-ticks="$(getconf CLK_TCK)" "$@"
}

# Sourcing this file (for experiments) defines the functions without running anything.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  main "$@"
fi
