package io.ledgerline.portal.problem;

/**
 * Checks of free text from a request body before it travels on: PostgreSQL refuses a NUL in any
 * text (the request would fail as a 500 wherever it is stored), and the other control characters
 * have no business in a name, an e-mail or a note.
 */
public final class TextFields {

    private TextFields() {}

    /** True when the text has no control character at all. */
    public static boolean singleLine(String text) {
        return text.chars().noneMatch(Character::isISOControl);
    }

    /** True when the text has no control character but line breaks and tabs. */
    public static boolean multiLine(String text) {
        return text.chars().noneMatch(c -> Character.isISOControl(c) && "\n\r\t".indexOf(c) < 0);
    }
}
