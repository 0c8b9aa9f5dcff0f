package io.ledgerline.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.ModelPrice;
import io.ledgerline.gateway.admission.Admission;
import io.ledgerline.gateway.error.GatewayRefusal;

/**
 * An OpenAI request body as far as the gateway must understand it: the model, whether it streams,
 * the completion limit, and the body to forward. Everything else passes through.
 */
record ProxyRequest(
        ModelPrice price,
        boolean stream,
        long maxCompletionTokens,
        long promptTokensBound,
        byte[] forwardBody,
        GatewayRefusal refusal) {

    static ProxyRequest refused(GatewayRefusal refusal) {
        return new ProxyRequest(null, false, 0, 0, null, refusal);
    }

    static ProxyRequest chat(byte[] body, ObjectMapper json, ModelCatalogue catalogue) {
        var parsed = parse(body, json);
        if (parsed == null) {
            return refused(GatewayRefusal.badRequest("The body must be a JSON object.", null));
        }
        if (!parsed.path("messages").isArray() || parsed.path("messages").isEmpty()) {
            return refused(
                    GatewayRefusal.badRequest("'messages' must be a non-empty array.", "messages"));
        }
        var limit =
                parsed.has("max_completion_tokens")
                        ? parsed.get("max_completion_tokens")
                        : parsed.get("max_tokens");
        long maxTokens = Admission.DEFAULT_MAX_COMPLETION_TOKENS;
        if (limit != null && !limit.isNull()) {
            if (!limit.canConvertToLong() || !limit.isIntegralNumber() || limit.asLong() < 1) {
                return refused(
                        GatewayRefusal.badRequest(
                                "'max_tokens' must be a positive integer.", "max_tokens"));
            }
            maxTokens = limit.asLong();
        }
        boolean stream = parsed.path("stream").asBoolean(false);
        var forward = body;
        if (stream && !parsed.at("/stream_options/include_usage").asBoolean(false)) {
            // Usage in the final chunk is what the stream is charged by.
            ((ObjectNode) parsed).putObject("stream_options").put("include_usage", true);
            forward = write(parsed, json);
        }
        return withModel(parsed, catalogue, stream, maxTokens, body.length, forward);
    }

    static ProxyRequest embeddings(byte[] body, ObjectMapper json, ModelCatalogue catalogue) {
        var parsed = parse(body, json);
        if (parsed == null) {
            return refused(GatewayRefusal.badRequest("The body must be a JSON object.", null));
        }
        if (!parsed.hasNonNull("input")) {
            return refused(GatewayRefusal.badRequest("'input' is required.", "input"));
        }
        return withModel(parsed, catalogue, false, 0, body.length, body);
    }

    private static ProxyRequest withModel(
            JsonNode parsed,
            ModelCatalogue catalogue,
            boolean stream,
            long maxTokens,
            long promptBound,
            byte[] forward) {
        var model = parsed.path("model");
        if (!model.isTextual() || model.asText().isBlank()) {
            return refused(GatewayRefusal.badRequest("'model' is required.", "model"));
        }
        var price = catalogue.find(model.asText());
        if (price.isEmpty()) {
            return refused(GatewayRefusal.modelNotFound(model.asText()));
        }
        // A token is at least one byte of text, so the body's size bounds the prompt's tokens.
        return new ProxyRequest(price.get(), stream, maxTokens, promptBound, forward, null);
    }

    private static JsonNode parse(byte[] body, ObjectMapper json) {
        try {
            var node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static byte[] write(JsonNode node, ObjectMapper json) {
        try {
            return json.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a parsed body back", e);
        }
    }
}
