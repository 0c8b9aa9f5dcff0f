# The local stack's components: PostgreSQL, the Kafka broker and the service jars.
# Sourced by ./ledgerline, which sets ROOT before sourcing; every path below hangs off it.
# shellcheck shell=bash

STATE_DIR="${LEDGERLINE_HOME:-$ROOT/.ledgerline}"
LOG_DIR="$STATE_DIR/logs"
PID_DIR="$STATE_DIR/pids"
VERSION="0.1.0-SNAPSHOT"
# The ports a running stack was started with, so status and stop find it without the same
# environment; a variable set in the environment still wins.
STACK_ENV_FILE="$STATE_DIR/stack.env"
if [[ -f $STACK_ENV_FILE ]]; then
  while IFS='=' read -r key value; do
    [[ $key == LEDGERLINE_* && -z ${!key:-} ]] && export "$key=$value"
  done <"$STACK_ENV_FILE"
fi

PG_HOST=127.0.0.1
PG_PORT="${LEDGERLINE_PG_PORT:-5432}"
PG_DATABASE="${LEDGERLINE_PG_DATABASE:-ledgerline}"
PG_USER="${LEDGERLINE_DB_USER:-postgres}"
KAFKA_PORT="${LEDGERLINE_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${LEDGERLINE_KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DATABASE"
START_TIMEOUT_S="${LEDGERLINE_START_TIMEOUT:-240}"
STOP_TIMEOUT_S=30

# name:port, in start order. A service starts only when its jar was built.
SERVICES=(
  llm-stub:8090
  ledger-service:8081
  billing-service:8082
  notification-service:8083
  gateway-service:8084
  portal-bff:8080
)

# LEDGERLINE_INFRA_ONLY=1: start and stop only PostgreSQL and Kafka (the launcher's own test).
INFRA_ONLY="${LEDGERLINE_INFRA_ONLY:-0}"

INFRA_JAR="$ROOT/infra/target/infra-$VERSION.jar"
INFRA_CLASSPATH_FILE="$ROOT/infra/target/runtime.classpath"

say() { printf '%s\n' "$*"; }
warn() { printf 'ledgerline: %s\n' "$*" >&2; }

service_name() { printf '%s' "${1%%:*}"; }
service_port() { printf '%s' "${1##*:}"; }
# A module that keeps its plain jar for other modules' tests ships its runnable jar as -exec.jar.
service_jar() {
  local exec_jar="$ROOT/$1/target/$1-$VERSION-exec.jar"
  if [[ -f $exec_jar ]]; then
    printf '%s' "$exec_jar"
  else
    printf '%s' "$ROOT/$1/target/$1-$VERSION.jar"
  fi
}

remember_stack_env() {
  printf 'LEDGERLINE_PG_PORT=%s\nLEDGERLINE_KAFKA_PORT=%s\nLEDGERLINE_KAFKA_CONTROLLER_PORT=%s\n' \
    "$PG_PORT" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" >"$STACK_ENV_FILE"
}

infra_classpath() { printf '%s:%s' "$INFRA_JAR" "$(cat "$INFRA_CLASSPATH_FILE")"; }

port_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A component runs when its pid file names a live process that carries our marker, so a
# recycled pid of some other program is never mistaken for it (or killed).
component_pid() {
  local pid_file="$PID_DIR/$1.pid" pid cmdline
  [[ -f $pid_file ]] || return 1
  pid="$(cat "$pid_file")"
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ $cmdline == *"-Dledgerline.component=$1 "* ]] || return 1
  printf '%s' "$pid"
}

# Starts a java process in its own session so it outlives this script; logs to logs/<name>.log.
# It must not inherit fd 9, the lock of ./ledgerline start, or stop could never take the lock.
launch_java() {
  local name="$1"; shift
  mkdir -p "$LOG_DIR" "$PID_DIR"
  {
    printf '\n=== %s: starting %s ===\n' "$(date -u +%FT%TZ)" "$name"
  } >>"$LOG_DIR/$name.log"
  nohup setsid java "-Dledgerline.component=$name" "$@" \
    >>"$LOG_DIR/$name.log" 2>&1 </dev/null 9>&- &
  printf '%s' "$!" >"$PID_DIR/$name.pid"
}

stop_pid() {
  local name="$1" pid="$2" waited=0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && ((waited < STOP_TIMEOUT_S * 10)); do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name (pid $pid) did not stop in ${STOP_TIMEOUT_S}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_DIR/$name.pid"
}

wait_for_port() {
  local port="$1" timeout_s="$2" name="$3" pid="${4:-}" waited=0
  while ! port_answers "$port"; do
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      warn "$name exited while starting; last lines of $LOG_DIR/$name.log:"
      tail -n 20 "$LOG_DIR/$name.log" >&2
      return 1
    fi
    if ((waited >= timeout_s * 2)); then
      warn "$name did not open port $port within ${timeout_s}s"
      return 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
}

# ---------------------------------------------------------------- PostgreSQL

# Prints "<version> <cluster>" of an installed Debian cluster on our port that is down.
debian_cluster_for_port() {
  local clusters found
  command -v pg_lsclusters >/dev/null || return 1
  clusters="$(pg_lsclusters --no-header 2>/dev/null)" || return 1
  found="$(awk -v port="$PG_PORT" '$3 == port && $4 == "down" { print $1, $2 }' \
    <<<"$clusters" | head -n 1)"
  [[ -n $found ]] && printf '%s\n' "$found"
}

ensure_postgres() {
  local pid cluster
  if pid="$(component_pid postgres)"; then
    say "PostgreSQL      already running (embedded binaries, pid $pid, port $PG_PORT)"
  elif port_answers "$PG_PORT"; then
    say "PostgreSQL      using the server that answers on $PG_HOST:$PG_PORT"
  elif cluster="$(debian_cluster_for_port)"; then
    say "PostgreSQL      starting the installed cluster $cluster (pg_ctlcluster)"
    # The postmaster forks from here and outlives us: it must not keep the launcher's lock
    # (fd 9) or its output open, or every later start and stop finds the lock taken.
    # shellcheck disable=SC2086 # "<version> <cluster>" are two arguments
    pg_ctlcluster $cluster start </dev/null >>"$LOG_DIR/postgres.log" 2>&1 9>&-
    printf '%s\n' "$cluster" >"$PID_DIR/postgres.debian"
    wait_for_port "$PG_PORT" 30 postgres || return 1
  else
    say "PostgreSQL      starting PostgreSQL binaries from Maven on port $PG_PORT" \
      "(data in $STATE_DIR/pg)"
    launch_java postgres -Xmx128m -cp "$(infra_classpath)" \
      io.ledgerline.infra.postgres.LocalPostgres "$PG_PORT" "$STATE_DIR/pg"
    wait_for_port "$PG_PORT" 120 postgres "$(cat "$PID_DIR/postgres.pid")" || return 1
  fi
  java -Xmx128m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(infra_classpath)" \
    io.ledgerline.infra.postgres.EnsureDatabase "$PG_HOST" "$PG_PORT" "$PG_DATABASE" "$PG_USER" \
    | sed 's/^/                /'
}

stop_postgres() {
  local pid cluster
  if pid="$(component_pid postgres)"; then
    say "PostgreSQL      stopping the embedded server (pid $pid)"
    stop_pid postgres "$pid"
  elif [[ -f $PID_DIR/postgres.debian ]]; then
    cluster="$(cat "$PID_DIR/postgres.debian")"
    say "PostgreSQL      stopping the cluster $cluster that ledgerline started"
    # shellcheck disable=SC2086
    pg_ctlcluster $cluster stop </dev/null 9>&- || warn "pg_ctlcluster $cluster stop failed"
    rm -f "$PID_DIR/postgres.debian"
  else
    return 1
  fi
}

status_postgres() {
  local pid
  if pid="$(component_pid postgres)"; then
    status_line postgres up "$pid" "$PG_PORT" "embedded binaries, data in $STATE_DIR/pg"
  elif port_answers "$PG_PORT"; then
    local how="not started by ledgerline"
    [[ -f $PID_DIR/postgres.debian ]] && how="cluster $(cat "$PID_DIR/postgres.debian")"
    status_line postgres up - "$PG_PORT" "$how"
  else
    status_line postgres down - "$PG_PORT" ""
  fi
}

# ---------------------------------------------------------------- Kafka

write_kafka_config() {
  local dir="$STATE_DIR/kafka"
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<EOF
# Written by ./ledgerline: one KRaft node acting as broker and controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
}

format_kafka_storage() {
  local dir="$STATE_DIR/kafka" cluster_id
  [[ -f $dir/data/meta.properties ]] && return 0
  cluster_id="$(java -cp "$(infra_classpath)" kafka.tools.StorageTool random-uuid 2>/dev/null \
    | tail -n 1)"
  java -cp "$(infra_classpath)" kafka.tools.StorageTool format -t "$cluster_id" \
    -c "$dir/server.properties" >>"$LOG_DIR/kafka.log" 2>&1
}

ensure_kafka() {
  local pid
  if pid="$(component_pid kafka)"; then
    say "Kafka           already running (pid $pid, $KAFKA_BOOTSTRAP)"
    return 0
  fi
  if port_answers "$KAFKA_PORT"; then
    say "Kafka           using the broker that answers on $KAFKA_BOOTSTRAP"
    return 0
  fi
  say "Kafka           starting a KRaft broker from Maven's Kafka jars on $KAFKA_BOOTSTRAP"
  mkdir -p "$LOG_DIR"
  write_kafka_config
  if ! format_kafka_storage; then
    warn "could not format Kafka storage, see $LOG_DIR/kafka.log"
    return 1
  fi
  launch_java kafka -Xmx512m -Xms256m -XX:+UseG1GC -cp "$(infra_classpath)" \
    kafka.Kafka "$STATE_DIR/kafka/server.properties"
  wait_for_port "$KAFKA_PORT" 90 kafka "$(cat "$PID_DIR/kafka.pid")"
}

provision_topics() {
  say "Kafka topics    provisioning (each with its .dlt companion):"
  java -Xmx128m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(infra_classpath)" \
    io.ledgerline.infra.topics.ProvisionTopics "$KAFKA_BOOTSTRAP"
}

stop_kafka() {
  local pid
  pid="$(component_pid kafka)" || return 1
  say "Kafka           stopping the broker (pid $pid)"
  stop_pid kafka "$pid"
}

status_kafka() {
  local pid
  if pid="$(component_pid kafka)"; then
    status_line kafka up "$pid" "$KAFKA_PORT" "KRaft, data in $STATE_DIR/kafka"
  elif port_answers "$KAFKA_PORT"; then
    status_line kafka up - "$KAFKA_PORT" "not started by ledgerline"
  else
    status_line kafka down - "$KAFKA_PORT" ""
  fi
}

# ---------------------------------------------------------------- SMTP (GreenMail)

# A local SMTP server that keeps every mail where a person can read it (IMAP, REST API); the
# notification service sends to it. Same version as notification-service's tests use.
GREENMAIL_VERSION=2.1.3
SMTP_PORT="${LEDGERLINE_SMTP_PORT:-3025}"
IMAP_PORT="${LEDGERLINE_IMAP_PORT:-3143}"
MAIL_API_PORT="${LEDGERLINE_MAIL_API_PORT:-8086}"
GREENMAIL_JAR="$STATE_DIR/greenmail/greenmail-standalone-$GREENMAIL_VERSION.jar"

# Never fatal: without mail the stack still runs; alerts wait in the outbox until it is there.
ensure_mail() {
  local pid
  if pid="$(component_pid mail)"; then
    say "SMTP            already running (pid $pid, 127.0.0.1:$SMTP_PORT)"
    return 0
  fi
  if port_answers "$SMTP_PORT"; then
    say "SMTP            using the server that answers on 127.0.0.1:$SMTP_PORT"
    return 0
  fi
  if [[ ! -f $GREENMAIL_JAR ]] && ! mvn -B -ntp -q dependency:copy \
    "-Dartifact=com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
    "-DoutputDirectory=$STATE_DIR/greenmail" >>"$LOG_DIR/mail.log" 2>&1; then
    warn "could not fetch GreenMail, see $LOG_DIR/mail.log; starting without SMTP"
    return 0
  fi
  say "SMTP            starting GreenMail on 127.0.0.1:$SMTP_PORT (IMAP $IMAP_PORT, API $MAIL_API_PORT)"
  launch_java mail -Xmx128m -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    "-Dgreenmail.smtp.port=$SMTP_PORT" "-Dgreenmail.imap.port=$IMAP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 "-Dgreenmail.api.port=$MAIL_API_PORT" \
    -jar "$GREENMAIL_JAR"
  wait_for_port "$SMTP_PORT" 30 mail "$(cat "$PID_DIR/mail.pid")" \
    || warn "GreenMail did not start, see $LOG_DIR/mail.log"
  return 0
}

stop_mail() {
  local pid
  pid="$(component_pid mail)" || return 1
  say "SMTP            stopping GreenMail (pid $pid)"
  stop_pid mail "$pid"
}

status_mail() {
  local pid
  if pid="$(component_pid mail)"; then
    status_line mail up "$pid" "$SMTP_PORT" "GreenMail: IMAP $IMAP_PORT, API $MAIL_API_PORT"
  elif port_answers "$SMTP_PORT"; then
    status_line mail up - "$SMTP_PORT" "not started by ledgerline"
  else
    status_line mail down - "$SMTP_PORT" ""
  fi
}

# ---------------------------------------------------------------- services

# The environment every service gets: where PostgreSQL, Kafka and the other services are.
service_env() {
  local port="$1"
  SERVICE_ENV=(
    PORT="$port" SERVER_PORT="$port"
    LEDGERLINE_DB_URL="$DB_URL" LEDGERLINE_DB_USER="$PG_USER"
    LEDGERLINE_KAFKA="$KAFKA_BOOTSTRAP"
    LEDGERLINE_SMTP_PORT="$SMTP_PORT"
    LEDGERLINE_LEDGER_URL="http://127.0.0.1:8081/api/v1"
    LEDGERLINE_BILLING_URL="http://127.0.0.1:8082"
    LEDGERLINE_NOTIFICATION_URL="http://127.0.0.1:8083"
    LEDGERLINE_GATEWAY_URL="http://127.0.0.1:8084"
    LEDGERLINE_LLM_UPSTREAM_URL="http://127.0.0.1:8090/v1"
    AXONIQ_UPDATE_CHECKER_DISABLED=true
  )
}

# JVM options a service needs beyond the defaults. The gateway runs ParallelGC: measured on its
# request path, less CPU per request and far shorter stalls than G1 (bench/GATEWAY.md).
service_java_opts() {
  case "$1" in
    *gateway*) printf '%s' "-XX:+UseParallelGC" ;;
  esac
}

start_service() {
  local name="$1" port="$2" pid jar
  jar="$(service_jar "$name")"
  if pid="$(component_pid "$name")"; then
    say "$(printf '%-15s' "$name") already running (pid $pid, port $port)"
    return 0
  fi
  if port_answers "$port"; then
    warn "$name: port $port is taken by another program; not starting it"
    return 1
  fi
  say "$(printf '%-15s' "$name") starting on port $port"
  mkdir -p "$LOG_DIR" "$PID_DIR"
  printf '\n=== %s: starting %s ===\n' "$(date -u +%FT%TZ)" "$name" >>"$LOG_DIR/$name.log"
  service_env "$port"
  # A plain command (not a function) in the background, so $! is the java process itself.
  # shellcheck disable=SC2086 # extra options are split on purpose
  env "${SERVICE_ENV[@]}" nohup setsid java "-Dledgerline.component=$name" -Xmx384m \
    $(service_java_opts "$name") -Daxoniq.update-checker.disabled=true ${LEDGERLINE_JAVA_OPTS:-} \
    -jar "$jar" >>"$LOG_DIR/$name.log" 2>&1 </dev/null 9>&- &
  printf '%s' "$!" >"$PID_DIR/$name.pid"
}

# Healthy: Spring's /actuator/health says UP; the LLM stub has no actuator, so it is healthy when
# it lists its models.
service_healthy() {
  local name="$1" port="$2" body
  if [[ $name == llm-stub ]]; then
    curl -fsS -m 2 "http://127.0.0.1:$port/v1/models" >/dev/null 2>&1
    return
  fi
  body="$(curl -fsS -m 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null)" || return 1
  [[ $body == *'"status":"UP"'* ]]
}

built_services() {
  local entry
  for entry in "${SERVICES[@]}"; do
    [[ -f $(service_jar "$(service_name "$entry")") ]] && printf '%s\n' "$entry"
  done
}

# Waits for every given service; one that exits or times out is reported with its log's tail.
wait_until_healthy() {
  local pending=("$@") waited=0 failed=0 dots=0 still entry name port
  say "Waiting until every service reports UP"
  while ((${#pending[@]} > 0)); do
    still=()
    for entry in "${pending[@]}"; do
      name="$(service_name "$entry")"
      port="$(service_port "$entry")"
      if service_healthy "$name" "$port"; then
        ((dots)) && printf '\n'
        dots=0
        printf '  %-22s UP  http://localhost:%s  (%ss)\n' "$name" "$port" "$waited"
      elif ! component_pid "$name" >/dev/null; then
        ((dots)) && printf '\n'
        dots=0
        report_failed_start "$name" "exited while starting"
        failed=1
      else
        still+=("$entry")
      fi
    done
    pending=("${still[@]+"${still[@]}"}")
    ((${#pending[@]} == 0)) && break
    if ((waited >= START_TIMEOUT_S)); then
      ((dots)) && printf '\n'
      for entry in "${pending[@]}"; do
        report_failed_start "$(service_name "$entry")" "is not healthy after ${START_TIMEOUT_S}s"
      done
      return 1
    fi
    ((dots)) || printf '  '
    printf '.'
    dots=1
    sleep 2
    waited=$((waited + 2))
  done
  ((dots)) && printf '\n'
  return "$failed"
}

report_failed_start() {
  warn "$1 $2; last lines of $LOG_DIR/$1.log:"
  tail -n 30 "$LOG_DIR/$1.log" >&2
}

stop_services() {
  local stopped=1 index entry name pid
  for ((index = ${#SERVICES[@]} - 1; index >= 0; index--)); do
    entry="${SERVICES[$index]}"
    name="$(service_name "$entry")"
    if pid="$(component_pid "$name")"; then
      say "$(printf '%-15s' "$name") stopping (pid $pid)"
      stop_pid "$name" "$pid" &
      stopped=0
    fi
  done
  wait
  return "$stopped"
}

status_line() {
  printf '  %-22s %-5s %-8s %-6s %s\n' "$1" "$2" "$3" "$4" "$5"
}

status_services() {
  local entry name port pid state
  for entry in "${SERVICES[@]}"; do
    name="$(service_name "$entry")"
    port="$(service_port "$entry")"
    if pid="$(component_pid "$name")"; then
      state=starting
      service_healthy "$name" "$port" && state=up
      status_line "$name" "$state" "$pid" "$port" "http://localhost:$port"
    elif [[ -f $(service_jar "$name") ]]; then
      status_line "$name" down - "$port" ""
    else
      status_line "$name" down - "$port" "not built"
    fi
  done
}
