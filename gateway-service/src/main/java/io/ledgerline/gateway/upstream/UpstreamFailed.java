package io.ledgerline.gateway.upstream;

/** The upstream answered with an error status, or could not be reached (status 0). */
public class UpstreamFailed extends RuntimeException {

    private final int status;
    private final byte[] body;

    public UpstreamFailed(int status, byte[] body, Throwable cause) {
        super("upstream failed with status " + status, cause, false, false);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public byte[] body() {
        return body;
    }

    /** The upstream judged the request itself bad: pass its answer on, charge nothing. */
    public boolean isClientError() {
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 429;
    }
}
