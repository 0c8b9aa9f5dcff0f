package io.ledgerline.contracts.problem;

/** Refusals every HTTP service can answer: the shape of a request rather than its business. */
public enum CommonRefusal implements RefusalCode {
    /**
     * Not a valid HTTP request, refused by the server before any endpoint saw it: a bad request
     * line, an encoded NUL or '/' in the path, malformed headers.
     */
    MALFORMED_REQUEST(400),
    /** The body is not JSON of the expected shape: bad syntax, trailing content, a wrong type. */
    MALFORMED_JSON(400),
    /** A query or path parameter is missing or malformed; {@code field} names it. */
    INVALID_PARAMETER(400),
    /** {@code page} or {@code size} outside what the endpoint pages by. */
    INVALID_PAGING(400),
    /**
     * An id breaks the id rule (1-64 of letters, digits, '.', '_', '-'); {@code field} names it.
     */
    INVALID_ID(400),
    /** A text breaks the text rule (control characters, too long); {@code field} names it. */
    INVALID_TEXT(400),
    /** A required field is missing or null; {@code field} names it. */
    FIELD_REQUIRED(400),
    /** A number or list outside its stated bounds; {@code field} names it. */
    OUT_OF_RANGE(422),
    /** A model the price catalogue does not know. */
    MODEL_NOT_FOUND(422),
    /** A partner tier other than STARTER, GROWTH, SCALE. */
    UNKNOWN_TIER(400),
    /** No credential, or one that is not valid. */
    UNAUTHENTICATED(401),
    /** The credential is valid but may not do this. */
    FORBIDDEN(403),
    /** No endpoint at this path. */
    ROUTE_NOT_FOUND(404),
    /** The endpoint exists but not with this HTTP method. */
    METHOD_NOT_ALLOWED(405),
    /** The same command id is still being worked on; retry it. */
    COMMAND_IN_PROGRESS(409),
    /** The body is larger than the endpoint accepts. */
    PAYLOAD_TOO_LARGE(413),
    /** The body is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** A fault on our side; the request may be retried with the same id. */
    INTERNAL_ERROR(500),
    /** The ledger could not be reached or failed; retry with the same command id. */
    LEDGER_UNAVAILABLE(503);

    private final int httpStatus;

    /**
     * What a request the HTTP server refused on its own, before any endpoint or handler saw it,
     * answers with that status; a status without a code of its own is {@link #MALFORMED_REQUEST}
     * (4xx) or {@link #INTERNAL_ERROR} (5xx), and the answer then takes that code's status.
     */
    public static CommonRefusal forServerStatus(int status) {
        return switch (status) {
            case 404 -> ROUTE_NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }

    CommonRefusal(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
