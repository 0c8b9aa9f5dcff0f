package io.ledgerline.ledger.history;

import org.springframework.http.HttpStatus;

/** A query the read side will not answer: a stable code and the HTTP status that carries it. */
class QueryRejected extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    QueryRejected(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    static QueryRejected badRequest(String code, String detail) {
        return new QueryRejected(HttpStatus.BAD_REQUEST, code, detail);
    }

    static QueryRejected notFound(String code, String detail) {
        return new QueryRejected(HttpStatus.NOT_FOUND, code, detail);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
