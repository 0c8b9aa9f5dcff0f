#!/usr/bin/env bash
# Demo data for the local stack, sent through the ledger's REST API (docs/ledger-api.md).
#
# Usage: infra/demo/seed.sh [ledger-api-base-url]   (default http://127.0.0.1:8081/api/v1)
#
# Every command carries a fixed commandId, so running this again appends nothing: the ledger
# answers each one with its first result. Change a step's body and you must change its id too,
# or the ledger answers 409 EXISTS_WITH_DIFFERENT_PAYLOAD. Add new steps at the end of seed_demo.
# Every call carries an operator access token (./ledgerline token), or LEDGERLINE_TOKEN when set.
# Exits 0 when every step was accepted (or replayed), 1 otherwise, naming each failed step.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=token-header.sh
source "$ROOT/infra/demo/token-header.sh"

LEDGER_API="${1:-${LEDGERLINE_LEDGER_URL:-http://127.0.0.1:8081/api/v1}}"
BILLING_API="${LEDGERLINE_BILLING_API:-http://127.0.0.1:8082/api/v1}"
NOTIFICATION_API="${LEDGERLINE_NOTIFICATION_API:-http://127.0.0.1:8083/api/v1}"
# Billing learns a customer's terms from Kafka a moment after the ledger posts them.
TERMS_WAIT_TRIES=30
UCR_PER_CREDIT=1000000
HTTP_TIMEOUT_S=15
applied=0
failed=()

credits() { printf '%s' "$(($1 * UCR_PER_CREDIT))"; }

# post <step-name> <path> <json-body>
post() {
  local step="$1" path="$2" body="$3" response status
  response="$(curl -sS -m "$HTTP_TIMEOUT_S" -o - -w '\n%{http_code}' -X POST \
    -H "@$TOKEN_HEADER" -H 'Content-Type: application/json' -d "$body" "$LEDGER_API$path" 2>&1)"
  record "$step" "$response"
}

# put <step-name> <path> <json-body>
put() {
  local step="$1" path="$2" body="$3" response
  response="$(curl -sS -m "$HTTP_TIMEOUT_S" -o - -w '\n%{http_code}' -X PUT \
    -H "@$TOKEN_HEADER" -H 'Content-Type: application/json' -d "$body" "$LEDGER_API$path" 2>&1)"
  record "$step" "$response"
}

record() {
  local step="$1" response="$2" status
  status="${response##*$'\n'}"
  if [[ $status == 2?? ]]; then
    applied=$((applied + 1))
    printf '  ok      %s\n' "$step"
  else
    failed+=("$step")
    printf '  FAILED  %s (HTTP %s) %s\n' "$step" "$status" \
      "$(printf '%s' "${response%$'\n'*}" | tr -d '\n' | cut -c1-160)"
  fi
}

seed_demo() {
  # Partner Acme, an agency reselling AI agents, with platform credits.
  post "open partner:acme" /accounts \
    '{"commandId":"demo-v1-open-partner-acme","accountId":"partner:acme","partnerId":"acme"}'
  post "top up partner:acme with 50,000 credits" /accounts/partner:acme/credits \
    "{\"commandId\":\"demo-v1-topup-acme-1\",\"amountUcr\":$(credits 50000),\
\"note\":\"Quick Buy: 500.00 USD\"}"

  # Bistro, a customer of Acme paying in AI credits (R13).
  post "open customer:bistro" /accounts \
    '{"commandId":"demo-v1-open-customer-bistro","accountId":"customer:bistro","partnerId":"acme"}'
  put "enable AI credits for customer:bistro" /accounts/customer:bistro/ai-credits \
    "{\"commandId\":\"demo-v1-ai-credits-bistro\",\"enabled\":true,\
\"pricePerMinuteUcr\":120000,\"graceSeconds\":30,\
\"lowCreditThresholdUcr\":$(credits 100),\"lowCreditNotifications\":true}"
  post "add 500 credits to customer:bistro" /accounts/customer:bistro/credits \
    "{\"commandId\":\"demo-v1-add-bistro-1\",\"amountUcr\":$(credits 500),\
\"note\":\"Welcome pack\"}"
  post "add 250 credits to customer:bistro" /accounts/customer:bistro/credits \
    "{\"commandId\":\"demo-v1-add-bistro-2\",\"amountUcr\":$(credits 250),\
\"note\":\"November top-up\"}"
  post "charge a 15-minute call to customer:bistro" /accounts/customer:bistro/usage \
    '{"commandId":"demo-v1-usage-bistro-1","amountUcr":1800000,"usageId":"demo-call-1",
"description":"Voice call, 15 min at 0.12 credits/min"}'
  post "charge a 3-minute call to customer:bistro" /accounts/customer:bistro/usage \
    '{"commandId":"demo-v1-usage-bistro-2","amountUcr":360000,"usageId":"demo-call-2",
"description":"Voice call, 3 min at 0.12 credits/min"}'
  post "charge a chat with tool calls to customer:bistro" /accounts/customer:bistro/usage \
    '{"commandId":"demo-v1-usage-bistro-3","amountUcr":90000,"usageId":"demo-chat-1",
"description":"Chat session, 3 tool calls at 0.03 credits"}'
  post "deduct 25 credits from customer:bistro" /accounts/customer:bistro/deductions \
    "{\"commandId\":\"demo-v1-deduct-bistro-1\",\"amountUcr\":$(credits 25),\
\"reason\":\"Correction: trial minutes granted twice\"}"

  # Corner Shop, a customer of Acme without AI credits: its usage draws on Acme's balance.
  post "open customer:cornershop" /accounts \
    '{"commandId":"demo-v1-open-customer-cornershop","accountId":"customer:cornershop",
"partnerId":"acme"}'
  post "charge a 5-minute call to customer:cornershop" /accounts/customer:cornershop/usage \
    '{"commandId":"demo-v1-usage-cornershop-1","amountUcr":600000,"usageId":"demo-call-3",
"description":"Voice call, 5 min"}'
}

# call_step <step-name> <expected-http-status> <billing-path> <json-body>: one request of the
# call admission API (billing-service/README.md); a refusal is a success when it is expected.
# Waits while billing does not know the customer or its terms yet (404 CUSTOMER_NOT_OF_PARTNER,
# CUSTOMER_TERMS_UNKNOWN).
call_step() {
  local step="$1" expected="$2" path="$3" body="$4" response status try
  for ((try = 1; try <= TERMS_WAIT_TRIES; try++)); do
    response="$(curl -sS -m "$HTTP_TIMEOUT_S" -o - -w '\n%{http_code}' -X POST \
      -H "@$TOKEN_HEADER" -H 'Content-Type: application/json' -d "$body" \
      "$BILLING_API$path" 2>&1)"
    status="${response##*$'\n'}"
    [[ $status == 404 && ($response == *CUSTOMER_TERMS_UNKNOWN* \
      || $response == *CUSTOMER_NOT_OF_PARTNER*) ]] || break
    sleep 1
  done
  if [[ $status == "$expected" ]]; then
    record "$step" $'\n200'
  else
    record "$step" "$response"
  fi
}

# recipients <step-name> <account-id> <json-body>: who hears an account's alerts
# (notification-service/README.md); the same body again changes nothing.
recipients() {
  local step="$1" account="$2" body="$3" response
  response="$(curl -sS -m "$HTTP_TIMEOUT_S" -o - -w '\n%{http_code}' -X PUT \
    -H "@$TOKEN_HEADER" -H 'Content-Type: application/json' -d "$body" \
    "$NOTIFICATION_API/accounts/$account/recipients" 2>&1)"
  record "$step" "$response"
}

# Mail for the alerts the demo calls cause (kiosk drops below its 10-credit threshold, then to
# zero): read it in GreenMail, http://127.0.0.1:8086/api/user/billing@kiosk.test/messages/INBOX.
seed_demo_recipients() {
  recipients "alert recipients of customer:kiosk" customer:kiosk '{"emails":["billing@kiosk.test"]}'
  recipients "alert recipients of partner:acme" partner:acme '{"emails":["owner@acme.test"]}'
}

# Simulated agent calls through billing's admission API, after the ledger knows the customers.
seed_demo_calls() {
  # Diner: AI credits on, nothing bought yet: its first call is refused (R13).
  post "open customer:diner" /accounts \
    '{"commandId":"demo-v1-open-customer-diner","accountId":"customer:diner","partnerId":"acme"}'
  put "enable AI credits for customer:diner" /accounts/customer:diner/ai-credits \
    "{\"commandId\":\"demo-v1-ai-credits-diner\",\"enabled\":true,\
\"pricePerMinuteUcr\":$(credits 12),\"graceSeconds\":30,\
\"lowCreditThresholdUcr\":$(credits 10),\"lowCreditNotifications\":true}"
  call_step "call at zero balance refused (customer:diner)" 402 /calls \
    '{"callId":"demo-call-diner-1","customerId":"diner","partnerId":"acme","agentId":"demo-agent",
"channel":"VOICE"}'

  # Kiosk: 15 credits at 12 a minute: the second minute only fits as its 30 s grace period.
  post "open customer:kiosk" /accounts \
    '{"commandId":"demo-v1-open-customer-kiosk","accountId":"customer:kiosk","partnerId":"acme"}'
  put "enable AI credits for customer:kiosk" /accounts/customer:kiosk/ai-credits \
    "{\"commandId\":\"demo-v1-ai-credits-kiosk\",\"enabled\":true,\
\"pricePerMinuteUcr\":$(credits 12),\"graceSeconds\":30,\
\"lowCreditThresholdUcr\":$(credits 10),\"lowCreditNotifications\":true}"
  post "add 15 credits to customer:kiosk" /accounts/customer:kiosk/credits \
    "{\"commandId\":\"demo-v1-add-kiosk-1\",\"amountUcr\":$(credits 15),\
\"note\":\"Starter pack\"}"
  call_step "start a call (customer:kiosk)" 200 /calls \
    '{"callId":"demo-call-kiosk-1","customerId":"kiosk","partnerId":"acme","agentId":"demo-agent",
"channel":"VOICE"}'
  call_step "extend into the grace period (customer:kiosk)" 200 /calls/demo-call-kiosk-1/extend \
    '{"sequence":1}'
  call_step "end the call after 45 s (customer:kiosk)" 200 /calls/demo-call-kiosk-1/end \
    '{"sequence":2,"durationSeconds":45,"toolCalls":1,"costLines":[{"kind":"LLM","amountUcr":20000}]}'
}

printf 'Seeding demo data through %s\n' "$LEDGER_API"
if ! write_token_header ledger.accounts ledger.credits ledger.meter billing.calls \
  notification.manage; then
  printf 'Demo data: 0 steps accepted; FAILED to get an access token (above).\n'
  exit 1
fi
seed_demo
seed_demo_recipients
seed_demo_calls
if ((${#failed[@]} == 0)); then
  printf 'Demo data: all %d steps accepted.\n' "$applied"
  exit 0
fi
printf 'Demo data: %d steps accepted, %d failed.\n' "$applied" "${#failed[@]}"
printf 'Failed steps: %s\n' "$(IFS=';'; printf '%s' "${failed[*]}")"
exit 1
