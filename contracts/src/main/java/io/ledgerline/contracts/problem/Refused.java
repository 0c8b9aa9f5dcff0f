package io.ledgerline.contracts.problem;

import java.util.Objects;

/**
 * A request refused with a code: thrown where the fault is found, turned into a {@link Problem} by
 * the service's one problem handler. A business refusal is a value, not a bug: it carries no stack
 * trace.
 */
public class Refused extends RuntimeException {

    private final transient RefusalCode code;
    private final String field;

    public Refused(RefusalCode code, String detail) {
        this(code, detail, null);
    }

    public Refused(RefusalCode code, String detail, String field) {
        super(detail, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    /** A refusal about one input field, named in the problem's {@code field}. */
    public static Refused field(RefusalCode code, String field, String detail) {
        return new Refused(code, detail, field);
    }

    public RefusalCode code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Problem problem() {
        var problem = Problem.of(code, getMessage());
        return field == null ? problem : problem.withField(field);
    }
}
