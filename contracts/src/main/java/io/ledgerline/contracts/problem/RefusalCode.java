package io.ledgerline.contracts.problem;

import java.util.Locale;

/**
 * A stable reason for refusing a request, with the HTTP status it always travels with. Every
 * service's refusals are constants of an enum implementing this; one code means one fault, with one
 * status, in every service.
 */
public interface RefusalCode {

    /** Where a code's description lives; the type of every problem body starts with it. */
    String TYPE_PREFIX = "https://ledgerline.io/problems/";

    /** The code itself, e.g. {@code INSUFFICIENT_CREDITS}. */
    String name();

    int httpStatus();

    /** The code in words, e.g. "Insufficient credits": the same title for the same code. */
    default String title() {
        return titleOf(name());
    }

    /** {@code https://ledgerline.io/problems/insufficient-credits}. */
    default String type() {
        return typeOf(name());
    }

    static String titleOf(String code) {
        var words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return words.isEmpty()
                ? words
                : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String typeOf(String code) {
        return TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
