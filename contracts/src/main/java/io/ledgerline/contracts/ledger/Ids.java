package io.ledgerline.contracts.ledger;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import java.util.regex.Pattern;

/**
 * The one rule for client-chosen identifiers: 1–64 characters of letters, digits, '-', '_', '.'.
 */
public final class Ids {

    public static final int MAX_ID_LENGTH = 64;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Ids() {}

    public static boolean isSafe(String id) {
        return id != null && SAFE.matcher(id).matches();
    }

    /**
     * The id, or a {@link CommonRefusal#INVALID_ID} refusal naming {@code field}. The refusal never
     * echoes the id: it may be megabytes long or hold characters a log should not carry.
     */
    public static String requireSafe(String id, String field) {
        if (!isSafe(id)) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    field,
                    field
                            + (id == null ? " is required and" : "")
                            + " must be 1-"
                            + MAX_ID_LENGTH
                            + " letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return id;
    }
}
