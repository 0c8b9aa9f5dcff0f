package io.ledgerline.ledger.account;

import io.ledgerline.contracts.ledger.AccountId;

import java.util.LinkedHashSet;

/**
 * The usage ids an account charged most recently, so a usage redelivered under another command id
 * is refused instead of charged twice. It remembers the last {@link #WINDOW} of them: a lookup and
 * an insert are O(1), and an account holds at most {@code WINDOW} ids (about 100 KB at 64
 * characters each) however long its history. Redeliveries come within minutes; a duplicate older
 * than the window is not caught here.
 */
final class ChargedUsage {

    static final int WINDOW = 1_024;

    private final LinkedHashSet<String> keys = new LinkedHashSet<>();

    /** Whether {@code usageId} of {@code usedBy} was charged within the window. */
    boolean contains(AccountId usedBy, String usageId) {
        return usageId != null && keys.contains(key(usedBy, usageId));
    }

    void charged(AccountId usedBy, String usageId) {
        if (usageId == null) {
            return;
        }
        if (keys.add(key(usedBy, usageId)) && keys.size() > WINDOW) {
            var eldest = keys.iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /** A partner charged for its customers keeps each customer's usage ids apart. */
    private static String key(AccountId usedBy, String usageId) {
        return usedBy.value() + "/" + usageId;
    }
}
