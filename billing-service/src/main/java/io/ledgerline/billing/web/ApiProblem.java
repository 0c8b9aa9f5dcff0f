package io.ledgerline.billing.web;

import org.springframework.http.HttpStatus;

/** A refusal of an API request: an HTTP status, a stable code and a sentence for humans. */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiProblem(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static ApiProblem badRequest(String code, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
