package io.ledgerline.contracts.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.ledgerline.contracts.ledger.Texts;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Problem;

import java.io.IOException;

/**
 * How every Ledgerline API reads a request body: one JSON value and nothing after it, no duplicate
 * keys, numbers only where numbers belong (no {@code "1"} or {@code 1.5} for a whole amount, no
 * number for a flag), no null for a primitive, and every string NFC-normalised and free of NUL and
 * unpaired surrogates, which no PostgreSQL text column can store. Field rules (length, control
 * characters) are {@link Texts}' and are checked where each field is validated.
 */
public final class StrictJson {

    private StrictJson() {}

    /** Applies the request rules to a service's mapper builder. */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        builder.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(
                        new SimpleModule("ledgerline-strict-text")
                                .addDeserializer(String.class, new StorableStringDeserializer()));
        builder.withCoercionConfig(
                LogicalType.Integer,
                config -> {
                    config.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                });
        // The time readers trim a string before parsing it, and trimming takes every control
        // character with it: "\u0000" became "", and "" a missing time. Neither is a time.
        builder.withCoercionConfig(
                LogicalType.DateTime,
                config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
        builder.withCoercionConfig(
                LogicalType.Float,
                config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
        builder.withCoercionConfig(
                LogicalType.Boolean,
                config -> {
                    config.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                });
        builder.withCoercionConfig(
                LogicalType.Textual,
                config -> {
                    config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                });
        return builder;
    }

    /**
     * Why a request body could not be read, as the problem every API answers: unstorable text is
     * {@code INVALID_TEXT} at its field; an unknown field, a wrong type, trailing content or bad
     * syntax is {@code MALFORMED_JSON}, naming the field where Jackson knows it.
     */
    public static Problem problemOf(Throwable cause) {
        if (cause instanceof UnstorableText text) {
            return Problem.of(CommonRefusal.INVALID_TEXT, text.getOriginalMessage())
                    .withField(fieldOf(text));
        }
        var problem =
                Problem.of(
                        CommonRefusal.MALFORMED_JSON,
                        cause instanceof UnrecognizedPropertyException unknown
                                ? "unknown field " + unknown.getPropertyName()
                                : "the request body is not one JSON value of the expected shape"
                                        + " (whole numbers where numbers belong, no duplicate"
                                        + " keys, nothing after it)");
        var field = cause instanceof JsonMappingException mapping ? fieldOf(mapping) : null;
        return field == null ? problem : problem.withField(field);
    }

    /** The JSON path of a read failure as a problem's field, e.g. {@code costLines[0].kind}. */
    public static String fieldOf(JsonMappingException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    /** A string that cannot be stored, refused while reading, with its JSON path. */
    public static final class UnstorableText extends InvalidFormatException {

        UnstorableText(JsonParser parser, String message, String value) {
            super(parser, message, value, String.class);
        }
    }

    private static final class StorableStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            var value = super.deserialize(p, ctxt);
            if (value == null) {
                return null;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == 0) {
                    throw new UnstorableText(p, "text contains a NUL character", value);
                }
                if (Character.isSurrogate(c)) {
                    boolean paired =
                            Character.isHighSurrogate(c)
                                    && i + 1 < value.length()
                                    && Character.isLowSurrogate(value.charAt(i + 1));
                    if (!paired) {
                        throw new UnstorableText(p, "text contains an unpaired surrogate", value);
                    }
                    i++;
                }
            }
            return Texts.normalised(value);
        }
    }
}
