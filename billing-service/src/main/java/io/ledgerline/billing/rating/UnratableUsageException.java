package io.ledgerline.billing.rating;

import io.ledgerline.contracts.problem.RefusalCode;

/**
 * Usage that cannot be rated by its nature (an unknown model, an agent session without a customer).
 * It is recorded with its code and never retried: retrying cannot change the answer.
 */
public class UnratableUsageException extends RuntimeException {

    private final RefusalCode code;

    public UnratableUsageException(RefusalCode code, String message) {
        super(message);
        this.code = code;
    }

    public RefusalCode code() {
        return code;
    }
}
