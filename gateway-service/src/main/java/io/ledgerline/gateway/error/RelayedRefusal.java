package io.ledgerline.gateway.error;

/**
 * A refusal another service answered (the ledger's {@code INSUFFICIENT_CREDITS}), passed on to the
 * caller with that service's own code and status: the code travels unchanged.
 */
public class RelayedRefusal extends RuntimeException {

    private final int status;
    private final String code;
    private final String detail;

    public RelayedRefusal(int status, String code, String detail) {
        super(code + ": " + detail, null, false, false);
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    /** The other service's code; null when it answered without one. */
    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
