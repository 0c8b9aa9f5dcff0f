package io.ledgerline.notification.web;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

/** Path parameters that name an account or a partner, checked by the contracts' id rules. */
public final class AccountIds {

    private AccountIds() {}

    /** {@code partner:<id>} or {@code customer:<id>}, else {@code INVALID_ID}. */
    public static String parse(String accountId) {
        try {
            return AccountId.of(accountId).value();
        } catch (IllegalArgumentException e) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    "accountId",
                    "partner:<id> or customer:<id>, the id 1-64 letters, digits, '.', '_', '-'");
        }
    }

    public static String partner(String partnerId) {
        if (!io.ledgerline.contracts.ledger.Ids.isSafe(partnerId)) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID, "partnerId", "1-64 letters, digits, '.', '_' or '-'");
        }
        return partnerId;
    }
}
