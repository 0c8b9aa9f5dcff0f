package io.ledgerline.llmstub;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic answer to a chat request: prompt tokens are the words of every message,
 * completion tokens are {@code min(max_tokens, 16)} words echoed from the last message.
 */
record Completion(String model, long promptTokens, List<String> words) {

    static final int DEFAULT_COMPLETION_TOKENS = 16;

    static Completion of(JsonNode request) {
        var model = request.path("model").asText("stub");
        var promptWords = new ArrayList<String>();
        for (var message : request.path("messages")) {
            promptWords.addAll(Words.of(Words.textOf(message.path("content"))));
        }
        long limit = DEFAULT_COMPLETION_TOKENS;
        var maxTokens =
                request.has("max_completion_tokens")
                        ? request.path("max_completion_tokens")
                        : request.path("max_tokens");
        if (maxTokens.canConvertToLong() && maxTokens.asLong() >= 0) {
            limit = Math.min(limit, maxTokens.asLong());
        }
        var source = promptWords.isEmpty() ? List.of("ok") : promptWords;
        var words = new ArrayList<String>();
        for (int i = 0; i < limit; i++) {
            words.add(source.get(i % source.size()));
        }
        return new Completion(model, promptWords.size(), words);
    }

    long completionTokens() {
        return words.size();
    }

    String content() {
        return String.join(" ", words);
    }
}
