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

    static LedgerRefusal from(int status, JsonNode problem) {
        var code = problem.path("code").asText("");
        return new LedgerRefusal(
                status, code.isBlank() ? null : code, problem.path("detail").asText(""));
    }

    /** The ledger failed (a 5xx, or an answer without a code): retry with the same command id. */
    public boolean failed() {
        return status() >= 500 || code() == null;
    }
}
