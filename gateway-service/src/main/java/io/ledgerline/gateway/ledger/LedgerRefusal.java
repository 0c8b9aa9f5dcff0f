package io.ledgerline.gateway.ledger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ledger refused a command; {@code code} is its stable rejection code, passed on unchanged. An
 * answer without a code is the ledger failing, not refusing: {@link #failed()}.
 */
public class LedgerRefusal extends RuntimeException {

    private final int status;
    private final String code;
    private final String detail;

    public LedgerRefusal(int status, String code, String detail) {
        super(code + ": " + detail);
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    static LedgerRefusal from(int status, JsonNode problem) {
        var code = problem.path("code").asText("");
        return new LedgerRefusal(
                status, code.isBlank() ? null : code, problem.path("detail").asText(""));
    }

    public int status() {
        return status;
    }

    /** The ledger's code, e.g. {@code INSUFFICIENT_CREDITS}; null when it answered without one. */
    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    /** The ledger failed (a 5xx, or an answer without a code): retry with the same command id. */
    public boolean failed() {
        return status >= 500 || code == null;
    }
}
