package io.ledgerline.ledger.history;

import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.LedgerApiRefusal;
import io.ledgerline.contracts.problem.Problem;
import io.ledgerline.contracts.problem.RefusalCode;

import org.springframework.http.HttpStatus;

/**
 * A query the read side will not answer, as a code from the contracts' enums and the field at
 * fault. The queries name their faults in their own words; {@link #of} maps each to the one code
 * every Ledgerline API uses for it.
 */
class QueryRejected extends RuntimeException {

    private final transient RefusalCode code;
    private final String field;

    private QueryRejected(RefusalCode code, String field, String detail) {
        super(detail, null, false, false);
        this.code = code;
        this.field = field;
    }

    static QueryRejected badRequest(String code, String detail) {
        return of(code, detail);
    }

    static QueryRejected notFound(String code, String detail) {
        return of(code, detail);
    }

    private static QueryRejected of(String code, String detail) {
        return switch (code) {
            case "INVALID_ACCOUNT_ID" ->
                    new QueryRejected(CommonRefusal.INVALID_ID, "accountId", detail);
            case "INVALID_LEDGER_ID" ->
                    new QueryRejected(CommonRefusal.INVALID_ID, "ledgerId", detail);
            case "INVALID_INSTANT" ->
                    new QueryRejected(CommonRefusal.INVALID_PARAMETER, "asOf", detail);
            case "INVALID_PAGING" -> new QueryRejected(CommonRefusal.INVALID_PAGING, null, detail);
            case "ACCOUNT_NOT_FOUND" ->
                    new QueryRejected(Rejection.ACCOUNT_NOT_FOUND, null, detail);
            case "LEDGER_NOT_FOUND" ->
                    new QueryRejected(LedgerApiRefusal.LEDGER_NOT_FOUND, null, detail);
            default -> throw new AssertionError("a query refusal without a code: " + code);
        };
    }

    HttpStatus status() {
        return HttpStatus.valueOf(code.httpStatus());
    }

    Problem problem() {
        var problem = Problem.of(code, getMessage());
        return field == null ? problem : problem.withField(field);
    }
}
