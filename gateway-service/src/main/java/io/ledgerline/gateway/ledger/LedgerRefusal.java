package io.ledgerline.gateway.ledger;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.gateway.error.RelayedRefusal;

/**
 * The ledger refused a command; {@code code} is its stable rejection code, passed on unchanged. An
 * answer without a code is the ledger failing, not refusing: {@link #failed()}.
 */
public class LedgerRefusal extends RelayedRefusal {

    public LedgerRefusal(int status, String code, String detail) {
        super(status, code, detail);
    }

    /**
     * A 401 or 403 refuses the gateway's own credential, not the caller's request: it is the ledger
     * failing for the caller, never a code to pass on as if the caller had been refused.
     */
    static LedgerRefusal from(int status, JsonNode problem) {
        var code = status == 401 || status == 403 ? "" : problem.path("code").asText("");
        return new LedgerRefusal(
                status, code.isBlank() ? null : code, problem.path("detail").asText(""));
    }

    /** The ledger failed (a 5xx, or an answer without a code): retry with the same command id. */
    public boolean failed() {
        return status() >= 500 || code() == null;
    }
}
