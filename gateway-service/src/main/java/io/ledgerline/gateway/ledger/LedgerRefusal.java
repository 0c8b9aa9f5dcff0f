package io.ledgerline.gateway.ledger;

import com.fasterxml.jackson.databind.JsonNode;

/** The ledger refused a command; {@code code} is its stable rejection code. */
public class LedgerRefusal extends RuntimeException {

    private final int status;
    private final String code;

    public LedgerRefusal(int status, String code, String detail) {
        super(code + ": " + detail);
        this.status = status;
        this.code = code;
    }

    static LedgerRefusal from(int status, JsonNode problem) {
        var code = problem.path("code").asText("LEDGER_ERROR");
        return new LedgerRefusal(status, code, problem.path("detail").asText(""));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
