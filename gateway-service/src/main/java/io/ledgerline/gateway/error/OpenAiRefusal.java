package io.ledgerline.gateway.error;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused OpenAI-compatible request, in OpenAI's error-object shape {@code
 * {"error":{"message","type","param","code"}}}. Messages never contain a key's secret.
 */
public record OpenAiRefusal(OpenAiError error, String message, String param) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static OpenAiRefusal invalidKey() {
        return new OpenAiRefusal(
                OpenAiError.INVALID_API_KEY,
                "Incorrect or missing API key. Pass a Ledgerline virtual key as a Bearer token.",
                null);
    }

    public static OpenAiRefusal revoked() {
        return new OpenAiRefusal(
                OpenAiError.INVALID_API_KEY, "This API key has been revoked.", null);
    }

    public static OpenAiRefusal expired() {
        return new OpenAiRefusal(OpenAiError.INVALID_API_KEY, "This API key has expired.", null);
    }

    public static OpenAiRefusal modelNotAllowed(String model) {
        return new OpenAiRefusal(
                OpenAiError.MODEL_NOT_ALLOWED,
                "This key is not allowed to use the model '" + model + "'.",
                "model");
    }

    public static OpenAiRefusal modelNotFound(String model) {
        return new OpenAiRefusal(
                OpenAiError.MODEL_NOT_FOUND,
                "The model '" + model + "' does not exist or is not offered.",
                "model");
    }

    public static OpenAiRefusal domainNotAllowed() {
        return new OpenAiRefusal(
                OpenAiError.DOMAIN_NOT_ALLOWED,
                "Requests from this origin are not allowed for this key.",
                null);
    }

    public static OpenAiRefusal rateLimited(String what) {
        return new OpenAiRefusal(
                OpenAiError.RATE_LIMIT_EXCEEDED,
                "Rate limit reached for this key: " + what + ". Retry after a minute.",
                null);
    }

    public static OpenAiRefusal insufficientQuota(String message) {
        return new OpenAiRefusal(OpenAiError.INSUFFICIENT_QUOTA, message, null);
    }

    public static OpenAiRefusal badRequest(String message, String param) {
        return new OpenAiRefusal(OpenAiError.INVALID_REQUEST, message, param);
    }

    public static OpenAiRefusal upstreamFailed(int upstreamStatus) {
        return new OpenAiRefusal(
                OpenAiError.UPSTREAM_ERROR,
                "The upstream provider failed with status "
                        + upstreamStatus
                        + "; nothing was charged.",
                null);
    }

    public static OpenAiRefusal unknownPath(String path) {
        return new OpenAiRefusal(
                OpenAiError.UNKNOWN_URL, "Unknown request URL: " + path + ".", null);
    }

    public static OpenAiRefusal internal() {
        return new OpenAiRefusal(
                OpenAiError.INTERNAL_ERROR,
                "The gateway failed to handle this request; nothing was charged.",
                null);
    }

    /** Usage cannot be recorded (the usage outbox is full), so nothing is served. */
    public static OpenAiRefusal meteringUnavailable() {
        return new OpenAiRefusal(
                OpenAiError.METERING_UNAVAILABLE,
                "The gateway cannot record usage right now, so it serves no requests; nothing was"
                        + " charged. Retry shortly.",
                null);
    }

    public int status() {
        return error.httpStatus();
    }

    public String type() {
        return error.type();
    }

    public String code() {
        return error.code();
    }

    public byte[] toJson() {
        var inner = new LinkedHashMap<String, Object>();
        inner.put("message", message);
        inner.put("type", error.type());
        inner.put("param", param);
        inner.put("code", error.code());
        try {
            return JSON.writeValueAsBytes(Map.of("error", inner));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }
}
