package io.ledgerline.llmstub;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;

/** The stub's tokenizer: one token per whitespace-separated word. */
final class Words {

    private Words() {}

    static List<String> of(String text) {
        var trimmed = text == null ? "" : text.trim();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }

    /** Message content is a string or an array of parts with {@code text}. */
    static String textOf(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        var text = new StringBuilder();
        for (var part : content) {
            text.append(' ').append(part.path("text").asText(""));
        }
        return text.toString();
    }
}
