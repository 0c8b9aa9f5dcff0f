package io.ledgerline.gateway.proxy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * The top-level fields of a request body the gateway acts on, read with Jackson's streaming parser:
 * everything else (the messages' text, tools, embeddings input) is skipped token by token instead
 * of being built into a tree, which is most of a body's size. As with a tree, a field given twice
 * counts by its last value, and a malformed body anywhere is refused.
 */
final class RequestFields {

    /**
     * The largest completion limit the gateway admits. It bounds the worst-case cost held for a
     * request, which must stay far from overflowing a long for any price and markup; no model
     * answers more tokens than this in one completion.
     */
    static final long MAX_COMPLETION_TOKENS = 1L << 20;

    /** A token-count limit as given: absent, {@code null}, a positive whole number, or invalid. */
    record Limit(boolean present, boolean valid, long value) {
        static final Limit ABSENT = new Limit(false, true, 0);
        static final Limit NULL = new Limit(true, true, 0);
        static final Limit INVALID = new Limit(true, false, 0);
    }

    String model;
    boolean messagesNonEmpty;
    boolean inputGiven;
    boolean stream;
    boolean includeUsage;
    Limit maxCompletionTokens = Limit.ABSENT;
    Limit maxTokens = Limit.ABSENT;

    /** The first field whose JSON type the gateway cannot accept, or null. */
    String wrongType;

    private RequestFields() {}

    /**
     * The fields, or null when the body is not exactly one well-formed JSON object: content after
     * the object (a second object, stray text) could make upstream read another request than the
     * one admitted and charged here.
     */
    static RequestFields read(byte[] body, JsonFactory factory) {
        try (var parser = factory.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            var fields = new RequestFields();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var name = parser.currentName();
                var value = parser.nextToken();
                fields.take(name, value, parser);
            }
            return parser.nextToken() == null ? fields : null;
        } catch (IOException malformed) {
            return null;
        }
    }

    /** The completion limit that applies: {@code max_completion_tokens} wins when present. */
    Limit completionLimit() {
        return maxCompletionTokens.present() ? maxCompletionTokens : maxTokens;
    }

    /** The name of the field {@link #completionLimit()} was read from. */
    String completionLimitField() {
        return maxCompletionTokens.present() ? "max_completion_tokens" : "max_tokens";
    }

    private void take(String name, JsonToken value, JsonParser parser) throws IOException {
        switch (name) {
            case "model" -> model = model(name, value, parser);
            case "messages" -> messagesNonEmpty = nonEmptyArray(value, parser);
            case "input" -> inputGiven = value != JsonToken.VALUE_NULL;
            case "stream" -> stream = flag(name, value);
            case "stream_options" -> includeUsage = includeUsage(value, parser);
            case "max_completion_tokens" -> maxCompletionTokens = limit(value, parser);
            case "max_tokens" -> maxTokens = limit(value, parser);
            default -> {}
        }
        parser.skipChildren();
    }

    private String model(String name, JsonToken value, JsonParser parser) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (value != JsonToken.VALUE_NULL) {
            wrong(name);
        }
        return null;
    }

    /** A boolean as given; anything but true, false or null is a wrong type, never coerced. */
    private boolean flag(String name, JsonToken value) {
        if (value != JsonToken.VALUE_TRUE
                && value != JsonToken.VALUE_FALSE
                && value != JsonToken.VALUE_NULL) {
            wrong(name);
        }
        return value == JsonToken.VALUE_TRUE;
    }

    private void wrong(String name) {
        if (wrongType == null) {
            wrongType = name;
        }
    }

    private static boolean nonEmptyArray(JsonToken value, JsonParser parser) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            return false;
        }
        if (parser.nextToken() == JsonToken.END_ARRAY) {
            return false;
        }
        parser.skipChildren();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
        }
        return true;
    }

    private boolean includeUsage(JsonToken value, JsonParser parser) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            if (value != JsonToken.VALUE_NULL) {
                wrong("stream_options");
            }
            return false;
        }
        boolean include = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            var name = parser.currentName();
            parser.nextToken();
            if (name.equals("include_usage")) {
                include = flag("stream_options.include_usage", parser.currentToken());
            }
            parser.skipChildren();
        }
        return include;
    }

    private static Limit limit(JsonToken value, JsonParser parser) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return Limit.NULL;
        }
        if (value != JsonToken.VALUE_NUMBER_INT
                || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return Limit.INVALID;
        }
        long tokens = parser.getLongValue();
        return tokens < 1 || tokens > MAX_COMPLETION_TOKENS
                ? Limit.INVALID
                : new Limit(true, true, tokens);
    }
}
