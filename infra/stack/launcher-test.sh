#!/usr/bin/env bash
# The launcher's life cycle on free ports where nothing answers, so it must start its own
# PostgreSQL and Kafka: start, status, start again, stop, start, stop. After every command no
# process may hold the launcher's lock or its output open (a started PostgreSQL that inherited
# fd 9 made every later start and stop say "another ./ledgerline start or stop is running").
# Services are not started (LEDGERLINE_INFRA_ONLY=1); their launch shares launch_java's fd rules.
# The service secrets start makes are checked too: private modes, kept from one start to the next.
#
# Usage: infra/stack/launcher-test.sh
#   LAUNCHER_TEST_DEBIAN_CLUSTER=1 (root, Debian PostgreSQL installed): PostgreSQL comes from a
#   throw-away cluster that pg_createcluster makes on the free port and pg_dropcluster removes,
#   instead of the embedded binaries, so the pg_ctlcluster path is the one tested.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOME_DIR="$(mktemp -d "${TMPDIR:-/tmp}/ledgerline-launcher-test.XXXXXX")"
OUT="$HOME_DIR/launcher.out"
DEBIAN_CLUSTER=""
failures=0

port_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A port where nothing answers, with the next one free too (Kafka's controller).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    port_answers "$port" || port_answers $((port + 1)) || { printf '%s' "$port"; return; }
  done
}

PG_PORT="$(free_port)"
KAFKA_PORT="$(free_port)"
export LEDGERLINE_HOME="$HOME_DIR" LEDGERLINE_INFRA_ONLY=1
export LEDGERLINE_PG_PORT="$PG_PORT" LEDGERLINE_KAFKA_PORT="$KAFKA_PORT"
unset LEDGERLINE_KAFKA_CONTROLLER_PORT

fail() {
  printf 'FAIL: %s\n' "$*" >&2
  failures=$((failures + 1))
}

launcher() {
  printf '\n$ ./ledgerline %s\n' "$*" >>"$OUT"
  "$ROOT/ledgerline" "$@" >>"$OUT" 2>&1 </dev/null
}

expect_ok() {
  local started=$SECONDS
  if launcher "$@"; then
    printf 'ok    ./ledgerline %s (%ss)\n' "$*" $((SECONDS - started))
  else
    fail "./ledgerline $* exited $?; its output:"
    tail -n 30 "$OUT" >&2
  fi
}

# Every process that has the named file open, as "pid cmdline".
holders_of() {
  local fd pid
  # find fails on processes that exit while it walks /proc; what it printed still counts.
  { find /proc/[0-9]*/fd -maxdepth 1 -lname "$1" 2>/dev/null || true; } | while read -r fd; do
    pid="${fd#/proc/}"
    pid="${pid%%/*}"
    printf '%s %s\n' "$pid" "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-100)"
  done | sort -u
}

expect_no_launcher_descriptors() {
  local file held
  for file in "$HOME_DIR/lock" "$OUT"; do
    held="$(holders_of "$file")"
    [[ -z $held ]] || fail "after '$1', processes still hold $file open:"$'\n'"$held"
  done
}

# Client secrets and the signing key: directory 700, files 600, none empty.
expect_private_secrets() {
  local dir="$HOME_DIR/secrets" file count=0
  [[ $(stat -c %a "$dir" 2>/dev/null) == 700 ]] || fail "$dir is not mode 700"
  for file in "$dir"/*; do
    [[ -f $file ]] || continue
    count=$((count + 1))
    [[ $(stat -c %a "$file") == 600 ]] || fail "$file is not mode 600"
    [[ -s $file ]] || fail "$file is empty"
  done
  ((count == 7)) || fail "expected 5 client secrets, a signing key and a webhook key in $dir, found $count files"
  grep -q 'BEGIN PRIVATE KEY' "$dir/auth-signing-key.pem" 2>/dev/null \
    || fail "the signing key is not a PKCS#8 PEM"
}

secrets_digest() {
  cat "$HOME_DIR"/secrets/* 2>/dev/null | sha256sum
}

expect_postgres() {
  if [[ $1 == up ]]; then
    port_answers "$PG_PORT" || fail "PostgreSQL does not answer on $PG_PORT after start"
  else
    local waited=0
    while port_answers "$PG_PORT" && ((waited < 20)); do
      sleep 0.5
      waited=$((waited + 1))
    done
    port_answers "$PG_PORT" && fail "PostgreSQL still answers on $PG_PORT after stop"
  fi
  return 0
}

cleanup() {
  "$ROOT/ledgerline" stop >/dev/null 2>&1 </dev/null || true
  # What stop could not stop (its lock held by a leaked descriptor) is ended here: TERM first,
  # so the embedded PostgreSQL's wrapper still shuts its server down.
  local file pid pids=()
  for file in "$HOME_DIR"/pids/*.pid; do
    [[ -f $file ]] && pid="$(cat "$file")" && [[ -n $pid ]] && pids+=("$pid")
  done
  if ((${#pids[@]})); then
    kill -TERM "${pids[@]}" 2>/dev/null || true
    sleep 5
    kill -KILL "${pids[@]}" 2>/dev/null || true
  fi
  if [[ -n $DEBIAN_CLUSTER ]]; then
    pg_dropcluster --stop "${DEBIAN_CLUSTER% *}" "${DEBIAN_CLUSTER#* }" >/dev/null 2>&1 || true
  fi
  rm -rf "$HOME_DIR"
}
trap cleanup EXIT

# A Debian cluster on the port, down, for ensure_postgres to start with pg_ctlcluster; it lets
# 127.0.0.1 in without a password, as the launcher's EnsureDatabase connects.
make_debian_cluster() {
  local version
  version="$(pg_lsclusters --no-header | awk 'NR == 1 { print $1 }')"
  DEBIAN_CLUSTER="$version ledgerline_launcher_test_$PG_PORT"
  pg_createcluster -p "$PG_PORT" "$version" "${DEBIAN_CLUSTER#* }" >/dev/null
  sed -i -E 's/(scram-sha-256|md5|peer)$/trust/' \
    "/etc/postgresql/$version/${DEBIAN_CLUSTER#* }/pg_hba.conf"
}

machine_pg_before=0
port_answers 5432 && machine_pg_before=1
[[ ${LAUNCHER_TEST_DEBIAN_CLUSTER:-0} == 1 ]] && make_debian_cluster

printf 'launcher test: PostgreSQL port %s, Kafka port %s, state in %s%s\n' "$PG_PORT" \
  "$KAFKA_PORT" "$HOME_DIR" "${DEBIAN_CLUSTER:+, cluster $DEBIAN_CLUSTER}"
test_started=$SECONDS

expect_ok start
expect_postgres up
expect_no_launcher_descriptors start
expect_private_secrets
first_secrets="$(secrets_digest)"
expect_ok status
grep -qE '^  postgres +up ' "$OUT" || fail "status does not show postgres up"
grep -qE '^  kafka +up ' "$OUT" || fail "status does not show kafka up"
expect_ok start
expect_no_launcher_descriptors "start (already running)"
expect_ok stop
expect_postgres down
expect_no_launcher_descriptors stop
expect_ok start
expect_postgres up
expect_no_launcher_descriptors "start (again)"
[[ $(secrets_digest) == "$first_secrets" ]] || fail "start again replaced the service secrets"
if token="$("$ROOT/ledgerline" token 2>/dev/null </dev/null)" || [[ -n $token ]]; then
  fail "./ledgerline token printed a token or succeeded without an authorization server"
fi
expect_ok stop
expect_postgres down

if ((machine_pg_before)) && ! port_answers 5432; then
  fail "the PostgreSQL on 5432 that the launcher did not start no longer answers"
fi

printf 'launcher test: %s failure(s) in %ss\n' "$failures" $((SECONDS - test_started))
((failures == 0)) || { printf 'launcher output:\n' >&2; cat "$OUT" >&2; exit 1; }
