package io.ledgerline.contracts.ledger;

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

    public static String requireSafe(String id, String what) {
        if (!isSafe(id)) {
            throw new IllegalArgumentException(
                    what
                            + " must be 1-"
                            + MAX_ID_LENGTH
                            + " letters, digits, '.', '_' or '-': "
                            + id);
        }
        return id;
    }
}
