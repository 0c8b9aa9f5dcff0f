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
# The authorization server every service trusts (its tokens' issuer).
AUTH_PORT="${LEDGERLINE_AUTH_PORT:-8085}"
# The gateway's management API listens apart from its public /v1 (8084), for internal callers only.
GATEWAY_MANAGEMENT_PORT="${LEDGERLINE_GATEWAY_MANAGEMENT_PORT:-8087}"

# name:port, in start order. A service starts only when its jar was built. The authorization
# server comes first: every other service checks or asks for its tokens.
SERVICES=(
  auth-server:$AUTH_PORT
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

# Installs a Debian package when its command is missing (this project installs nothing by hand).
ensure_tool() {
  local command="$1" package="$2"
  command -v "$command" >/dev/null && return 0
  say "Installing $package (needed for $command)"
  local sudo=""
  ((EUID == 0)) || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package"
}

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

# ---------------------------------------------------------------- service identities

# The authorization server (auth-server) and the client secrets and signing key the launcher
# makes for it. They live in .ledgerline/secrets (never in the repository): directory 700, files
# 600, made once and kept, so tokens stay valid across restarts. They reach the services through
# their environment only, never their command lines (ps shows those to every user) or the logs.
AUTH_URL="http://127.0.0.1:$AUTH_PORT"
SECRETS_DIR="$STATE_DIR/secrets"
SIGNING_KEY_FILE="$SECRETS_DIR/auth-signing-key.pem"
WEBHOOK_KEY_FILE="$SECRETS_DIR/webhook-secret-key"
# The clients of auth-server/src/main/resources/application.yml, each with its own secret.
AUTH_CLIENTS=(gateway billing portal agent-runtime operator)
# The operator client's scopes (all of them, docs/security.md): ./ledgerline token's default.
OPERATOR_SCOPES=(ledger.read ledger.accounts ledger.credits ledger.reserve ledger.meter
  ledger.operate gateway.read gateway.keys gateway.operate billing.read billing.usage billing.calls
  billing.operate billing.purchases billing.plans notification.read notification.manage
  notification.operate)

secret_file() { printf '%s/%s.secret' "$SECRETS_DIR" "$1"; }

client_secret() {
  local file
  file="$(secret_file "$1")"
  [[ -s $file ]] || return 1
  cat "$file"
}

# 32 random bytes, base64url without padding: safe in a URL, a header and an environment value.
random_secret() {
  head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'
}

webhook_key() {
  head -c 32 /dev/urandom | base64 | tr -d '\n'
}

# Writes a file with mode 600 from the start (never readable by others, not even for a moment)
# and only when it is complete, so an interrupted start leaves no half-written secret behind.
write_private() {
  local target="$1" temp
  temp="$(umask 077 && mktemp "$target.XXXXXX")" || return 1
  if "${@:2}" >"$temp" && [[ -s $temp ]]; then
    mv "$temp" "$target"
  else
    rm -f "$temp"
    return 1
  fi
}

# Idempotent: what exists is kept; only what is missing is made.
ensure_secrets() {
  local client made=()
  (umask 077 && mkdir -p "$SECRETS_DIR")
  chmod 700 "$SECRETS_DIR"
  for client in "${AUTH_CLIENTS[@]}"; do
    if [[ ! -s $(secret_file "$client") ]]; then
      write_private "$(secret_file "$client")" random_secret || return 1
      made+=("$client")
    fi
    chmod 600 "$(secret_file "$client")"
  done
  if [[ ! -s $SIGNING_KEY_FILE ]]; then
    ensure_tool openssl openssl
    # PKCS#8 PEM, the form auth-server reads.
    write_private "$SIGNING_KEY_FILE" openssl genpkey -algorithm RSA \
      -pkeyopt rsa_keygen_bits:2048 -outform PEM 2>/dev/null || return 1
    made+=("signing key")
  fi
  chmod 600 "$SIGNING_KEY_FILE"
  if [[ ! -s $WEBHOOK_KEY_FILE ]]; then
    # AES-256 key (standard base64) that seals webhook signing secrets at rest.
    write_private "$WEBHOOK_KEY_FILE" webhook_key || return 1
    made+=("webhook key")
  fi
  chmod 600 "$WEBHOOK_KEY_FILE"
  if ((${#made[@]})); then
    say "Secrets         made $(IFS=,; printf '%s' "${made[*]}" | sed 's/,/, /g') in $SECRETS_DIR"
  else
    say "Secrets         kept (client secrets and signing key in $SECRETS_DIR)"
  fi
}

# AUTH_SECRET_<CLIENT> names for auth-server: agent-runtime -> LEDGERLINE_AUTH_SECRET_AGENT_RUNTIME.
auth_secret_variable() {
  local upper="${1^^}"
  printf 'LEDGERLINE_AUTH_SECRET_%s' "${upper//-/_}"
}

# The client a service calls the others as; ledger, notification and the stub call nobody.
service_client() {
  case "$1" in
    gateway-service) printf 'gateway' ;;
    billing-service) printf 'billing' ;;
    portal-bff) printf 'portal' ;;
    *) return 1 ;;
  esac
}

# For the benchmarks: the authorization server as component <name> on AUTH_PORT, from a copy of
# its jar in <jar-dir>, with the secrets of ensure_secrets; returns once it is healthy.
launch_auth_server() {
  local name="$1" jar_dir="$2" jar="$2/auth-server.jar" waited=0
  mkdir -p "$jar_dir"
  cp "$(service_jar auth-server)" "$jar"
  service_env auth-server "$AUTH_PORT" || return 1
  say "$(printf '%-15s' "auth-server") starting on port $AUTH_PORT (log: $LOG_DIR/$name.log)"
  (
    export "${SERVICE_ENV[@]}"
    launch_java "$name" "-Xmx$(service_heap auth-server)" -jar "$jar"
  )
  until service_healthy auth-server "$AUTH_PORT"; do
    if ! component_pid "$name" >/dev/null || ((waited >= 120)); then
      report_failed_start "$name" "did not become healthy"
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

# An access token for the operator client by client credentials; the secret goes to curl on
# stdin (a config file), so it never shows on a command line.
operator_token() {
  local secret scopes response token
  secret="$(client_secret operator)" || {
    warn "no operator secret in $SECRETS_DIR; run ./ledgerline start first"
    return 1
  }
  scopes="${*:-${OPERATOR_SCOPES[*]}}"
  response="$(printf 'user = "operator:%s"\n' "$secret" \
    | curl -sS -m 10 -K - -X POST --data-urlencode grant_type=client_credentials \
      --data-urlencode "scope=$scopes" "$AUTH_URL/oauth2/token" 2>&1)" || {
    warn "the authorization server at $AUTH_URL did not answer: $response"
    return 1
  }
  token="$(jq -r '.access_token // empty' <<<"$response" 2>/dev/null)"
  if [[ -z $token ]]; then
    warn "no token from $AUTH_URL for [$scopes]: $response"
    return 1
  fi
  printf '%s\n' "$token"
}

# ---------------------------------------------------------------- services

# The environment every service gets: where PostgreSQL, Kafka, the authorization server and the
# other services are; and the secrets that are its own.
service_env() {
  local name="$1" port="$2" client secret
  SERVICE_ENV=(
    PORT="$port" SERVER_PORT="$port"
    LEDGERLINE_DB_URL="$DB_URL" LEDGERLINE_DB_USER="$PG_USER"
    LEDGERLINE_KAFKA="$KAFKA_BOOTSTRAP"
    LEDGERLINE_SMTP_PORT="$SMTP_PORT"
    LEDGERLINE_LEDGER_URL="http://127.0.0.1:8081/api/v1"
    LEDGERLINE_BILLING_URL="http://127.0.0.1:8082"
    LEDGERLINE_NOTIFICATION_URL="http://127.0.0.1:8083"
    LEDGERLINE_GATEWAY_URL="http://127.0.0.1:8084"
    LEDGERLINE_GATEWAY_MANAGEMENT_URL="http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT"
    LEDGERLINE_LLM_UPSTREAM_URL="http://127.0.0.1:8090/v1"
    LEDGERLINE_AUTH_URL="$AUTH_URL"
    AXONIQ_UPDATE_CHECKER_DISABLED=true
  )
  case "$name" in
    auth-server)
      SERVICE_ENV+=(LEDGERLINE_AUTH_ISSUER="$AUTH_URL" LEDGERLINE_AUTH_SIGNING_KEY="$SIGNING_KEY_FILE")
      for client in "${AUTH_CLIENTS[@]}"; do
        secret="$(client_secret "$client")" || return 1
        SERVICE_ENV+=("$(auth_secret_variable "$client")=$secret")
      done
      ;;
    gateway-service)
      SERVICE_ENV+=(LEDGERLINE_GATEWAY_MANAGEMENT_PORT="$GATEWAY_MANAGEMENT_PORT")
      ;;
    notification-service)
      SERVICE_ENV+=(LEDGERLINE_WEBHOOK_SECRET_KEY="$(cat "$WEBHOOK_KEY_FILE")")
      ;;
  esac
  if client="$(service_client "$name")"; then
    secret="$(client_secret "$client")" || return 1
    SERVICE_ENV+=(LEDGERLINE_AUTH_CLIENT_SECRET="$secret")
  fi
}

# JVM options a service needs beyond the defaults. The gateway runs ParallelGC: measured on its
# request path, less CPU per request and far shorter stalls than G1 (bench/GATEWAY.md).
service_java_opts() {
  case "$1" in
    *gateway*) printf '%s' "-XX:+UseParallelGC" ;;
  esac
}

# The authorization server keeps a few clients and one key in memory; it needs little heap.
service_heap() {
  case "$1" in
    auth-server) printf '192m' ;;
    *) printf '384m' ;;
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
  service_env "$name" "$port" || {
    warn "$name: its secrets are missing from $SECRETS_DIR; not starting it"
    return 1
  }
  # A subshell that execs java, so $! is the java process itself; the environment is exported
  # inside it (env VAR=... would show the secrets on env's command line for a moment).
  # shellcheck disable=SC2086 # extra options are split on purpose
  (
    export "${SERVICE_ENV[@]}"
    exec nohup setsid java "-Dledgerline.component=$name" "-Xmx$(service_heap "$name")" \
      $(service_java_opts "$name") -Daxoniq.update-checker.disabled=true \
      ${LEDGERLINE_JAVA_OPTS:-} -jar "$jar" >>"$LOG_DIR/$name.log" 2>&1 </dev/null 9>&-
  ) &
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
