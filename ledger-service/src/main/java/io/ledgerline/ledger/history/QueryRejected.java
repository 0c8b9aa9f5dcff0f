package io.ledgerline.ledger.history;

import io.ledgerline.contracts.problem.Problem;
import io.ledgerline.contracts.problem.RefusalCode;

import org.springframework.http.HttpStatus;

/**
 * A query the read side will not answer, as a code from the contracts' enums and the field at
 * fault.
 */
class QueryRejected extends RuntimeException {

    private final transient RefusalCode code;
    private final String field;

    private QueryRejected(RefusalCode code, String field, String detail) {
        super(detail, null, false, false);
        this.code = code;
        this.field = field;
    }

    static QueryRejected of(RefusalCode code, String detail) {
        return new QueryRejected(code, null, detail);
    }

    static QueryRejected field(RefusalCode code, String field, String detail) {
        return new QueryRejected(code, field, detail);
    }

    HttpStatus status() {
        return HttpStatus.valueOf(code.httpStatus());
    }

    Problem problem() {
        var problem = Problem.of(code, getMessage());
        return field == null ? problem : problem.withField(field);
    }
}
