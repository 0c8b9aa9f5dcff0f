package io.ledgerline.portal.downstream;

import io.ledgerline.contracts.problem.Problem;

/**
 * A service behind the portal refused, failed or could not be reached. Its problem keeps the
 * downstream's own code ({@code INSUFFICIENT_CREDITS}, {@code KEY_NOT_FOUND}), which no enum of the
 * portal's holds, so it travels as a finished {@link Problem} rather than a {@code Refused}.
 */
public class DownstreamRefusal extends RuntimeException {

    private final transient Problem problem;

    DownstreamRefusal(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public String code() {
        return problem.code();
    }
}
