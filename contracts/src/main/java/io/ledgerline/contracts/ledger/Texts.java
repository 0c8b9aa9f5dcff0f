package io.ledgerline.contracts.ledger;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The one rule for free text that reaches an event or a row (notes, reasons, descriptions,
 * purposes, names): Unicode NFC, at most {@link #MAX_TEXT_LENGTH} code points, no control
 * characters (NUL, line breaks and tabs included: every such field is a single line), no unpaired
 * surrogates, no noncharacters, and no bidirectional overrides or isolates (they make a history row
 * display differently from what it stores). Right-to-left marks are ordinary text.
 */
public final class Texts {

    /** Code points, after normalisation. */
    public static final int MAX_TEXT_LENGTH = 500;

    private Texts() {}

    /** The text in the form it is stored in: NFC; {@code null} stays {@code null}. */
    public static String normalised(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Why the text breaks the rule, or empty when it may be stored; {@code null} passes. */
    public static Optional<String> problem(String text) {
        return problem(text, MAX_TEXT_LENGTH);
    }

    public static Optional<String> problem(String text, int maxCodePoints) {
        if (text == null) {
            return Optional.empty();
        }
        int length = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            var fault = fault(c);
            if (fault != null) {
                return Optional.of(fault + " at character " + (length + 1));
            }
            i += Character.charCount(c);
            if (++length > maxCodePoints) {
                return Optional.of("longer than " + maxCodePoints + " characters");
            }
        }
        return Optional.empty();
    }

    /** True when {@link #problem(String)} finds nothing. */
    public static boolean isValid(String text) {
        return problem(text).isEmpty();
    }

    private static String fault(int c) {
        if (Character.isISOControl(c)) {
            return "a control character (U+" + hex(c) + ")";
        }
        if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
            return "an unpaired surrogate";
        }
        if (isNoncharacter(c)) {
            return "a noncharacter (U+" + hex(c) + ")";
        }
        if (isBidiOverride(c)) {
            return "a bidirectional override (U+" + hex(c) + ")";
        }
        return null;
    }

    private static boolean isNoncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    private static boolean isBidiOverride(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static String hex(int c) {
        return String.format("%04X", c);
    }
}
