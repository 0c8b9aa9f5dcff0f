package io.ledgerline.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a chat completion stream as it passes through, without changing it: the usage of the final
 * chunk, the number of content chunks (a fallback count of completion tokens when no usage arrives)
 * and the tool calls. Lines may be split across network chunks.
 */
final class SseUsageScanner {

    /** A line longer than this is not usage and is not kept whole. */
    static final int MAX_LINE_BYTES = 1024 * 1024;

    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper json;
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private long promptTokens = -1;
    private long completionTokens = -1;
    private long contentChunks;
    private long toolCalls;

    SseUsageScanner(ObjectMapper json) {
        this.json = json;
    }

    void feed(byte[] chunk) {
        int start = 0;
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i] == '\n') {
                partialLine.write(chunk, start, i - start);
                line(partialLine.toByteArray());
                partialLine.reset();
                start = i + 1;
            }
        }
        if (start < chunk.length && partialLine.size() + chunk.length - start <= MAX_LINE_BYTES) {
            partialLine.write(chunk, start, chunk.length - start);
        }
    }

    private void line(byte[] line) {
        if (line.length < DATA.length + 2 || !startsWith(line, DATA)) {
            return;
        }
        var text =
                new String(line, DATA.length, line.length - DATA.length, StandardCharsets.UTF_8)
                        .trim();
        if (!text.startsWith("{")) {
            return;
        }
        boolean hasUsage = text.contains("\"usage\"");
        boolean hasTools = text.contains("\"tool_calls\"");
        if (!hasUsage && !hasTools) {
            if (text.contains("\"content\"")) {
                contentChunks++;
            }
            return;
        }
        try {
            var node = json.readTree(text);
            usage(node.path("usage"));
            for (var choice : node.path("choices")) {
                var delta = choice.path("delta");
                if (delta.hasNonNull("content")) {
                    contentChunks++;
                }
                for (var call : delta.path("tool_calls")) {
                    if (call.hasNonNull("id")) {
                        toolCalls++;
                    }
                }
            }
        } catch (java.io.IOException e) {
            // Not JSON after all: the client sees the line unchanged; usage falls back to counts.
        }
    }

    private void usage(JsonNode usage) {
        if (usage.isObject()) {
            promptTokens = usage.path("prompt_tokens").asLong(0);
            completionTokens = usage.path("completion_tokens").asLong(0);
        }
    }

    private static boolean startsWith(byte[] line, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (line[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    boolean sawUsage() {
        return promptTokens >= 0;
    }

    long promptTokens() {
        return promptTokens;
    }

    long completionTokens() {
        return completionTokens;
    }

    long contentChunks() {
        return contentChunks;
    }

    long toolCalls() {
        return toolCalls;
    }
}
