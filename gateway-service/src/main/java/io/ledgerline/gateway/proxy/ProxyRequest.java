package io.ledgerline.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.ModelPrice;
import io.ledgerline.gateway.admission.Admission;
import io.ledgerline.gateway.error.OpenAiRefusal;

import java.io.IOException;

/**
 * An OpenAI request body as far as the gateway must understand it: the model, whether it streams,
 * the completion limit, and the body to forward. Everything else passes through unchanged.
 */
record ProxyRequest(
        ModelPrice price,
        boolean stream,
        long maxCompletionTokens,
        long promptTokensBound,
        byte[] forwardBody,
        OpenAiRefusal refusal) {

    static ProxyRequest refused(OpenAiRefusal refusal) {
        return new ProxyRequest(null, false, 0, 0, null, refusal);
    }

    static ProxyRequest chat(byte[] body, ObjectMapper json, ModelCatalogue catalogue) {
        var fields = RequestFields.read(body, json.getFactory());
        if (fields == null) {
            return notAnObject();
        }
        if (fields.wrongType != null) {
            return wrongType(fields.wrongType);
        }
        if (!fields.messagesNonEmpty) {
            return refused(
                    OpenAiRefusal.badRequest("'messages' must be a non-empty array.", "messages"));
        }
        var limit = fields.completionLimit();
        if (!limit.valid()) {
            var field = fields.completionLimitField();
            return refused(
                    OpenAiRefusal.badRequest(
                            "'"
                                    + field
                                    + "' must be a whole number from 1 to "
                                    + RequestFields.MAX_COMPLETION_TOKENS
                                    + ".",
                            field));
        }
        long maxTokens =
                limit.value() > 0 ? limit.value() : Admission.DEFAULT_MAX_COMPLETION_TOKENS;
        var forward = body;
        if (fields.stream && !fields.includeUsage) {
            // Usage in the final chunk is what the stream is charged by.
            forward = withUsageInStream(body, json);
            if (forward == null) {
                return notAnObject();
            }
        }
        return withModel(fields, catalogue, fields.stream, maxTokens, body.length, forward);
    }

    static ProxyRequest embeddings(byte[] body, ObjectMapper json, ModelCatalogue catalogue) {
        var fields = RequestFields.read(body, json.getFactory());
        if (fields == null) {
            return notAnObject();
        }
        if (fields.wrongType != null) {
            return wrongType(fields.wrongType);
        }
        if (!fields.inputGiven) {
            return refused(OpenAiRefusal.badRequest("'input' is required.", "input"));
        }
        return withModel(fields, catalogue, false, 0, body.length, body);
    }

    private static ProxyRequest notAnObject() {
        return refused(
                OpenAiRefusal.badRequest(
                        "The body must be exactly one JSON object, with nothing after it.", null));
    }

    private static ProxyRequest wrongType(String field) {
        var expected =
                switch (field) {
                    case "model" -> "a string";
                    case "stream_options" -> "an object";
                    default -> "a boolean";
                };
        return refused(
                OpenAiRefusal.badRequest(
                        "'" + field + "' must be " + expected + " or null.", field));
    }

    private static ProxyRequest withModel(
            RequestFields fields,
            ModelCatalogue catalogue,
            boolean stream,
            long maxTokens,
            long promptBound,
            byte[] forward) {
        if (fields.model == null || fields.model.isBlank()) {
            return refused(OpenAiRefusal.badRequest("'model' is required.", "model"));
        }
        var price = catalogue.find(fields.model);
        if (price.isEmpty()) {
            return refused(OpenAiRefusal.modelNotFound(fields.model));
        }
        // A token is at least one byte of text, so the body's size bounds the prompt's tokens.
        return new ProxyRequest(price.get(), stream, maxTokens, promptBound, forward, null);
    }

    /** The body with {@code stream_options.include_usage} set; null if it is not an object. */
    private static byte[] withUsageInStream(byte[] body, ObjectMapper json) {
        try {
            if (!(json.readTree(body) instanceof ObjectNode parsed)) {
                return null;
            }
            parsed.putObject("stream_options").put("include_usage", true);
            return json.writeValueAsBytes(parsed);
        } catch (IOException e) {
            return null;
        }
    }
}
