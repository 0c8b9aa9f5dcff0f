package io.ledgerline.llmstub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Deterministic 8-dimensional embeddings; one token per word of input. */
final class Embeddings {

    static final int DIMENSIONS = 8;

    private Embeddings() {}

    static ObjectNode of(JsonNode request) {
        var inputs = inputs(request.path("input"));
        boolean base64 = "base64".equals(request.path("encoding_format").asText());
        var body = LlmStub.object();
        body.put("object", "list");
        var data = body.putArray("data");
        long tokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            var vector = vectorOf(inputs.get(i));
            tokens += Words.of(inputs.get(i)).size();
            var item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            if (base64) {
                item.put("embedding", toBase64(vector));
            } else {
                var array = item.putArray("embedding");
                for (float value : vector) {
                    array.add(value);
                }
            }
        }
        body.put("model", request.path("model").asText("stub"));
        var usage = body.putObject("usage");
        usage.put("prompt_tokens", tokens);
        usage.put("total_tokens", tokens);
        return body;
    }

    private static List<String> inputs(JsonNode input) {
        var inputs = new ArrayList<String>();
        if (input.isArray()) {
            for (var item : input) {
                inputs.add(item.isTextual() ? item.asText() : item.toString());
            }
        } else {
            inputs.add(input.asText());
        }
        return inputs;
    }

    private static float[] vectorOf(String text) {
        var vector = new float[DIMENSIONS];
        int seed = text.hashCode();
        for (int i = 0; i < DIMENSIONS; i++) {
            seed = seed * 31 + i;
            vector[i] = (seed % 1000) / 1000f;
        }
        return vector;
    }

    private static String toBase64(float[] vector) {
        var buffer =
                ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            buffer.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }
}
