package io.ledgerline.gateway.proxy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * The usage a non-streamed answer reports, read with Jackson's streaming parser (the answer's text
 * is skipped, not built into a tree). An answer without readable usage is charged as if it had used
 * the request's whole bound, so a provider that leaves usage out cannot make usage free.
 */
final class AnswerUsage {

    private AnswerUsage() {}

    static Metering.Measured read(
            byte[] body, JsonFactory factory, long fallbackTokensIn, long fallbackTokensOut) {
        try (var parser = factory.createParser(body)) {
            var usage = new Reading();
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    var name = parser.currentName();
                    var value = parser.nextToken();
                    if (name.equals("usage")) {
                        usage.usage(value, parser);
                    } else if (name.equals("choices") && value == JsonToken.START_ARRAY) {
                        usage.toolCalls = toolCallsIn(parser);
                    }
                    parser.skipChildren();
                }
            }
            return usage.given
                    ? new Metering.Measured(usage.tokensIn, usage.tokensOut, usage.toolCalls)
                    : new Metering.Measured(fallbackTokensIn, fallbackTokensOut, usage.toolCalls);
        } catch (IOException e) {
            return new Metering.Measured(fallbackTokensIn, fallbackTokensOut, 0);
        }
    }

    private static final class Reading {
        boolean given;
        long tokensIn;
        long tokensOut;
        long toolCalls;

        void usage(JsonToken value, JsonParser parser) throws IOException {
            given = value == JsonToken.START_OBJECT;
            tokensIn = 0;
            tokensOut = 0;
            if (!given) {
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var name = parser.currentName();
                parser.nextToken();
                if (name.equals("prompt_tokens")) {
                    tokensIn = parser.getValueAsLong(0);
                } else if (name.equals("completion_tokens")) {
                    tokensOut = parser.getValueAsLong(0);
                }
                parser.skipChildren();
            }
        }
    }

    /** The tool calls of every choice's message; the parser ends on the array's end. */
    private static long toolCallsIn(JsonParser choices) throws IOException {
        long calls = 0;
        while (choices.nextToken() != JsonToken.END_ARRAY) {
            if (choices.currentToken() != JsonToken.START_OBJECT) {
                choices.skipChildren();
                continue;
            }
            while (choices.nextToken() == JsonToken.FIELD_NAME) {
                var name = choices.currentName();
                var value = choices.nextToken();
                if (name.equals("message") && value == JsonToken.START_OBJECT) {
                    calls += toolCallsOfMessage(choices);
                }
                choices.skipChildren();
            }
        }
        return calls;
    }

    private static long toolCallsOfMessage(JsonParser message) throws IOException {
        long calls = 0;
        while (message.nextToken() == JsonToken.FIELD_NAME) {
            var name = message.currentName();
            var value = message.nextToken();
            if (name.equals("tool_calls") && value == JsonToken.START_ARRAY) {
                calls = 0;
                while (message.nextToken() != JsonToken.END_ARRAY) {
                    calls++;
                    message.skipChildren();
                }
            }
            message.skipChildren();
        }
        return calls;
    }
}
