package io.ledgerline.gateway.error;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused OpenAI-compatible request, in OpenAI's error-object shape {@code
 * {"error":{"message","type","param","code"}}}. Messages never contain a key's secret.
 */
public record GatewayRefusal(int status, String type, String code, String message, String param) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static GatewayRefusal invalidKey() {
        return new GatewayRefusal(
                401,
                "invalid_request_error",
                "invalid_api_key",
                "Incorrect or missing API key. Pass a Ledgerline virtual key as a Bearer token.",
                null);
    }

    public static GatewayRefusal revoked() {
        return new GatewayRefusal(
                401,
                "invalid_request_error",
                "invalid_api_key",
                "This API key has been revoked.",
                null);
    }

    public static GatewayRefusal expired() {
        return new GatewayRefusal(
                401, "invalid_request_error", "invalid_api_key", "This API key has expired.", null);
    }

    public static GatewayRefusal modelNotAllowed(String model) {
        return new GatewayRefusal(
                403,
                "invalid_request_error",
                "model_not_allowed",
                "This key is not allowed to use the model '" + model + "'.",
                "model");
    }

    public static GatewayRefusal modelNotFound(String model) {
        return new GatewayRefusal(
                404,
                "invalid_request_error",
                "model_not_found",
                "The model '" + model + "' does not exist or is not offered.",
                "model");
    }

    public static GatewayRefusal domainNotAllowed() {
        return new GatewayRefusal(
                403,
                "invalid_request_error",
                "domain_not_allowed",
                "Requests from this origin are not allowed for this key.",
                null);
    }

    public static GatewayRefusal rateLimited(String what) {
        return new GatewayRefusal(
                429,
                "requests",
                "rate_limit_exceeded",
                "Rate limit reached for this key: " + what + ". Retry after a minute.",
                null);
    }

    public static GatewayRefusal insufficientQuota(String message) {
        return new GatewayRefusal(429, "insufficient_quota", "insufficient_quota", message, null);
    }

    public static GatewayRefusal badRequest(String message, String param) {
        return new GatewayRefusal(400, "invalid_request_error", "invalid_request", message, param);
    }

    public static GatewayRefusal upstreamFailed(int upstreamStatus) {
        return new GatewayRefusal(
                502,
                "server_error",
                "upstream_error",
                "The upstream provider failed with status "
                        + upstreamStatus
                        + "; nothing was charged.",
                null);
    }

    public static GatewayRefusal unknownPath(String path) {
        return new GatewayRefusal(
                404,
                "invalid_request_error",
                "unknown_url",
                "Unknown request URL: " + path + ".",
                null);
    }

    public static GatewayRefusal internal() {
        return new GatewayRefusal(
                500,
                "server_error",
                "internal_error",
                "The gateway failed to handle this request; nothing was charged.",
                null);
    }

    /** Usage cannot be recorded (the usage outbox is full), so nothing is served. */
    public static GatewayRefusal meteringUnavailable() {
        return new GatewayRefusal(
                503,
                "server_error",
                "metering_unavailable",
                "The gateway cannot record usage right now, so it serves no requests; nothing was"
                        + " charged. Retry shortly.",
                null);
    }

    public byte[] toJson() {
        var inner = new LinkedHashMap<String, Object>();
        inner.put("message", message);
        inner.put("type", type);
        inner.put("param", param);
        inner.put("code", code);
        try {
            return JSON.writeValueAsBytes(Map.of("error", inner));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }
}
