package io.ledgerline.portal.problem;

/**
 * A refused portal request: an HTTP status and a stable code that reach the SPA unchanged in an
 * {@code application/problem+json} body. Downstream refusals keep the downstream's own code.
 */
public class PortalProblem extends RuntimeException {

    private final int status;
    private final String code;

    public PortalProblem(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static PortalProblem unauthenticated(String detail) {
        return new PortalProblem(401, "UNAUTHENTICATED", detail);
    }

    public static PortalProblem forbidden(String code, String detail) {
        return new PortalProblem(403, code, detail);
    }

    public static PortalProblem badRequest(String code, String detail) {
        return new PortalProblem(400, code, detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
