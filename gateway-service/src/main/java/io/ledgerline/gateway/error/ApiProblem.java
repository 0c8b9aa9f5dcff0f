package io.ledgerline.gateway.error;

/**
 * A refused management request: the HTTP status and a stable code that travel to the {@code
 * application/problem+json} body unchanged.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;

    public ApiProblem(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static ApiProblem badRequest(String code, String detail) {
        return new ApiProblem(400, code, detail);
    }

    public static ApiProblem notFound(String code, String detail) {
        return new ApiProblem(404, code, detail);
    }

    public static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(409, code, detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
