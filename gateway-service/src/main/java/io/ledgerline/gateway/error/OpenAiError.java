package io.ledgerline.gateway.error;

/**
 * The codes the OpenAI-compatible {@code /v1} answers with, in OpenAI's error object {@code
 * {"error":{"message","type","param","code"}}}: each with the HTTP status and OpenAI error type it
 * always travels with. SDKs branch on {@code type} and {@code code}, so these are part of the
 * gateway's contract; the gateway's README lists them.
 */
public enum OpenAiError {
    /** Malformed JSON, a missing or malformed field, a body over the limit. */
    INVALID_REQUEST(400, "invalid_request_error", "invalid_request"),
    /** A missing, unknown, regenerated-away, revoked or expired key. */
    INVALID_API_KEY(401, "invalid_request_error", "invalid_api_key"),
    /** The model is not on the key. */
    MODEL_NOT_ALLOWED(403, "invalid_request_error", "model_not_allowed"),
    /** The Origin or Referer is not in the key's domains. */
    DOMAIN_NOT_ALLOWED(403, "invalid_request_error", "domain_not_allowed"),
    /** The model is not in the catalogue. */
    MODEL_NOT_FOUND(404, "invalid_request_error", "model_not_found"),
    /** No route at this path under {@code /v1/}. */
    UNKNOWN_URL(404, "invalid_request_error", "unknown_url"),
    /** Requests or tokens per minute of the key. */
    RATE_LIMIT_EXCEEDED(429, "requests", "rate_limit_exceeded"),
    /** The worst-case cost does not fit the budget, the AI balance or a suspended key. */
    INSUFFICIENT_QUOTA(429, "insufficient_quota", "insufficient_quota"),
    /** A fault in the gateway; nothing was charged. */
    INTERNAL_ERROR(500, "server_error", "internal_error"),
    /** The provider failed or could not be reached; nothing was charged. */
    UPSTREAM_ERROR(502, "server_error", "upstream_error"),
    /** Usage cannot be recorded (the usage outbox is full); nothing was charged. */
    METERING_UNAVAILABLE(503, "server_error", "metering_unavailable");

    private final int httpStatus;
    private final String type;
    private final String code;

    OpenAiError(int httpStatus, String type, String code) {
        this.httpStatus = httpStatus;
        this.type = type;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** OpenAI's {@code error.type}. */
    public String type() {
        return type;
    }

    /** OpenAI's {@code error.code}. */
    public String code() {
        return code;
    }
}
