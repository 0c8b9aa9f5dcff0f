#!/usr/bin/env bash
# Demo keys for the LLM gateway: one partner key for partner:acme and one customer self-service
# key for customer:bistro, written to a JSON file the launcher lists under gatewayKeys in
# .ledgerline/demo.json. Run after infra/demo/seed.sh (the keys draw on the seeded accounts).
#
# Usage: infra/demo/gateway-keys.sh <keys-file> [gateway-url] [management-url]
#   (defaults http://127.0.0.1:8084, the public /v1, and http://127.0.0.1:8087, the gateway's
#   internal management listener; its calls carry an operator token: ./ledgerline token)
#
# The gateway shows a raw key once, in the answer that created it; a replay of the same
# commandId does not. So keys are created only when the file is missing or one of its keys no
# longer works (GET /v1/models answers 401), each time with fresh commandIds. The file is
# written with mode 600 and this script never prints a raw key, only key ids and prefixes.
# Exits 0 when the file holds two working keys, 1 otherwise.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=token-header.sh
source "$ROOT/infra/demo/token-header.sh"

KEYS_FILE="${1:?usage: gateway-keys.sh <keys-file> [gateway-url] [management-url]}"
GATEWAY="${2:-${LEDGERLINE_GATEWAY_URL:-http://127.0.0.1:8084}}"
MANAGEMENT="${3:-${LEDGERLINE_GATEWAY_MANAGEMENT_URL:-http://127.0.0.1:8087}}"
PARTNER=acme
CUSTOMER=bistro
UCR_PER_CREDIT=1000000
PARTNER_KEY_BUDGET_CREDITS=1000
PARTNER_KEY_MODELS='["gpt-4o-mini","gpt-4.1-mini","text-embedding-3-small"]'
CUSTOMER_KEY_MODELS='["gpt-4o-mini","text-embedding-3-small"]'
HTTP_TIMEOUT_S=15
# The gateway learns customers and their AI-credit switch from ledger.events.v1, a few seconds
# after the ledger seed; creation is retried until then.
RETRY_FOR_S=30

# call <method> <path> [json-body]: one call of the management API with the operator's token;
# prints the body, then the HTTP status on a line of its own.
call() {
  local method="$1" path="$2" body="${3:-}"
  local args=(-sS -m "$HTTP_TIMEOUT_S" -o - -w '\n%{http_code}' -X "$method" -H "@$TOKEN_HEADER")
  [[ -n $body ]] && args+=(-H 'Content-Type: application/json' -d "$body")
  curl "${args[@]}" "$MANAGEMENT$path" 2>&1
}

status_of() { printf '%s' "${1##*$'\n'}"; }
body_of() { printf '%s' "${1%$'\n'*}"; }

# Prints the status GET /v1/models answers for a key: 200 when it works, 401 when it is gone.
key_status() {
  curl -sS -m "$HTTP_TIMEOUT_S" -o /dev/null -w '%{http_code}' \
    -H @<(printf 'Authorization: Bearer %s\n' "$1") "$GATEWAY/v1/models" 2>/dev/null
}

# Prints "ok" when the file holds two working keys, "gone" when it is missing or malformed or a
# key answers 401, "unknown" when the gateway gave another answer (then nothing is replaced).
existing_keys() {
  local key count status
  [[ -f $KEYS_FILE ]] || { printf 'gone'; return; }
  count="$(jq -r 'if type == "array" then length else 0 end' "$KEYS_FILE" 2>/dev/null)"
  [[ $count == 2 ]] || { printf 'gone'; return; }
  while read -r key; do
    [[ -n $key && $key != null ]] || { printf 'gone'; return; }
    status="$(key_status "$key")"
    [[ $status == 401 ]] && { printf 'gone'; return; }
    [[ $status == 200 ]] || { printf 'unknown'; return; }
  done < <(jq -r '.[].key' "$KEYS_FILE")
  printf 'ok'
}

# create <what> <path> <json-body>: retries with back-off while the gateway is not ready for it;
# prints the created key's JSON (with its secret) on stdout, progress on stderr.
create() {
  local what="$1" path="$2" body="$3" response status waited=0 pause=1
  while :; do
    response="$(call POST "$path" "$body")"
    status="$(status_of "$response")"
    if [[ $status == 201 || $status == 200 ]]; then
      if [[ -z $(body_of "$response" | jq -r '.secret // empty') ]]; then
        printf '  FAILED  %s: the answer carries no secret (a replay?)\n' "$what" >&2
        return 1
      fi
      body_of "$response"
      return 0
    fi
    if [[ $status == 400 ]] || ((waited >= RETRY_FOR_S)); then
      printf '  FAILED  %s (HTTP %s) %s\n' "$what" "$status" \
        "$(body_of "$response" | tr -d '\n' | cut -c1-160)" >&2
      return 1
    fi
    printf '  waiting %s (HTTP %s), retrying in %ss\n' "$what" "$status" "$pause" >&2
    sleep "$pause"
    waited=$((waited + pause))
    pause=$((pause < 8 ? pause * 2 : 8))
  done
}

# Prints one entry of the keys file for a created key's JSON.
entry() {
  local kind="$1" account="$2"
  jq -c --arg kind "$kind" --arg account "$account" '{key: .secret, kind: $kind,
    models: (.allowedModels | sort), keyId, prefix, account: $account}'
}

create_keys() {
  local run settings partner_key customer_key response
  run="$(date -u +%Y%m%d%H%M%S)-$RANDOM"
  # GROWTH allows the budget and mid model bands; self-service on for existing customers, so
  # bistro (opened before this call) may create keys. Same body again changes nothing.
  settings='{"tier":"GROWTH","selfServiceEnabled":true,"applyToNewCustomers":true,
"applyToExistingCustomers":true,"defaultProfitMultiplierPercent":150,"aiCreditPriceCents":"1"}'
  response="$(call PUT "/api/v1/partners/$PARTNER/gateway-settings" "$settings")"
  if [[ $(status_of "$response") != 200 ]]; then
    printf '  FAILED  gateway settings for partner %s (HTTP %s) %s\n' "$PARTNER" \
      "$(status_of "$response")" "$(body_of "$response" | tr -d '\n' | cut -c1-160)"
    return 1
  fi
  printf '  ok      gateway settings for partner %s (GROWTH, self-service on)\n' "$PARTNER"

  partner_key="$(create "partner key for partner:$PARTNER" "/api/v1/partners/$PARTNER/keys" \
    "{\"commandId\":\"demo-key-partner-$run\",\"name\":\"Demo partner key\",\
\"description\":\"Created by ./ledgerline start\",\
\"budgetUcr\":$((PARTNER_KEY_BUDGET_CREDITS * UCR_PER_CREDIT)),\
\"allowedModels\":$PARTNER_KEY_MODELS}")" || return 1
  printf '  ok      partner key %s (%s)\n' "$(jq -r .keyId <<<"$partner_key")" \
    "$(jq -r .prefix <<<"$partner_key")"

  customer_key="$(create "self-service key for customer:$CUSTOMER" \
    "/api/v1/customers/$CUSTOMER/keys" \
    "{\"commandId\":\"demo-key-customer-$run\",\"name\":\"Demo self-service key\",\
\"allowedModels\":$CUSTOMER_KEY_MODELS}")" || return 1
  printf '  ok      self-service key %s (%s)\n' "$(jq -r .keyId <<<"$customer_key")" \
    "$(jq -r .prefix <<<"$customer_key")"

  local temp
  temp="$(mktemp "$KEYS_FILE.XXXXXX")" || return 1
  chmod 600 "$temp"
  jq -s . <(entry partner "partner:$PARTNER" <<<"$partner_key") \
    <(entry customer-self-service "customer:$CUSTOMER" <<<"$customer_key") >"$temp" \
    && mv "$temp" "$KEYS_FILE" || { rm -f "$temp"; return 1; }
}

printf 'Demo gateway keys through %s (management %s)\n' "$GATEWAY" "$MANAGEMENT"
case "$(existing_keys)" in
  ok)
    printf 'Gateway keys: kept the 2 working keys in %s.\n' "$KEYS_FILE"
    exit 0
    ;;
  unknown)
    printf '  FAILED  could not check the keys in %s (the gateway gave neither 200 nor 401)\n' \
      "$KEYS_FILE"
    printf 'Gateway keys: kept %s unchecked.\n' "$KEYS_FILE"
    exit 1
    ;;
esac
[[ -f $KEYS_FILE ]] && printf '  the keys in %s no longer work; creating new ones\n' "$KEYS_FILE"
if ! write_token_header gateway.keys; then
  printf 'Gateway keys: not created; FAILED to get an access token (above).\n'
  exit 1
fi
mkdir -p "$(dirname "$KEYS_FILE")"
if create_keys && [[ $(existing_keys) == ok ]]; then
  printf 'Gateway keys: created a partner key and a self-service key in %s.\n' "$KEYS_FILE"
  exit 0
fi
printf 'Gateway keys: not created (details above).\n'
exit 1
