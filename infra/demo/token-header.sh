# The operator's access token as a curl header file, for the demo scripts (sourced; ROOT set).
# The token goes to curl as -H @file, never on a command line where ps shows it; the file is
# private to this user and removed when the script exits.
# shellcheck shell=bash

TOKEN_HEADER=""

# write_token_header <scope>...: LEDGERLINE_TOKEN when set, else ./ledgerline token <scope>...
write_token_header() {
  local token
  token="${LEDGERLINE_TOKEN:-}"
  if [[ -z $token ]]; then
    token="$("$ROOT/ledgerline" token "$@")" || return 1
  fi
  TOKEN_HEADER="$(umask 077 && mktemp "${TMPDIR:-/tmp}/ledgerline-token.XXXXXX")" || return 1
  trap 'rm -f "$TOKEN_HEADER"' EXIT
  printf 'Authorization: Bearer %s\n' "$token" >"$TOKEN_HEADER"
}
