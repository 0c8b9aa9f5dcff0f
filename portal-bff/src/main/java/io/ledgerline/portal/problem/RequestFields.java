package io.ledgerline.portal.problem;

import io.ledgerline.contracts.ledger.Texts;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

/**
 * The checks every field of a portal request body gets before it travels on, each refusal naming
 * its field: a missing value is {@code FIELD_REQUIRED}, a text breaking the contracts' one text
 * rule ({@link Texts}: single line, no control characters, at most the field's length) {@code
 * INVALID_TEXT}.
 */
public final class RequestFields {

    private RequestFields() {}

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, field, field + " is required");
        }
        return value;
    }

    /** A non-blank text of at most {@code maxCodePoints}, stripped, in its stored (NFC) form. */
    public static String text(String field, String value, int maxCodePoints) {
        var text = Texts.normalised(required(field, value)).strip();
        if (text.isEmpty()) {
            throw Refused.field(CommonRefusal.INVALID_TEXT, field, field + " is blank");
        }
        var fault = Texts.problem(text, maxCodePoints);
        if (fault.isPresent()) {
            throw Refused.field(CommonRefusal.INVALID_TEXT, field, field + ": " + fault.get());
        }
        return text;
    }
}
