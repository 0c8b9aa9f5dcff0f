package io.ledgerline.billing.rating;

/**
 * Usage that cannot be rated by its nature (an unknown model, an agent session without a customer).
 * It is recorded with its code and never retried: retrying cannot change the answer.
 */
public class UnratableUsageException extends RuntimeException {

    private final String code;

    public UnratableUsageException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
