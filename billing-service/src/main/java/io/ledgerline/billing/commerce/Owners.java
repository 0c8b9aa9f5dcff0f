package io.ledgerline.billing.commerce;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

/**
 * Who pays and holds what is bought: a ledger account id, {@code customer:<id>} or {@code
 * partner:<id>}, as in the ledger's own paths.
 */
public final class Owners {

    private Owners() {}

    public static AccountId require(String accountId) {
        try {
            return AccountId.of(accountId);
        } catch (IllegalArgumentException e) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    "accountId",
                    "accountId must be customer:<id> or partner:<id>");
        }
    }

    public static AccountId requireKind(String accountId, AccountId.HolderKind kind) {
        var owner = require(accountId);
        if (owner.kind() != kind) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    "accountId",
                    "this is for " + kind.prefix() + ":<id> accounts only");
        }
        return owner;
    }
}
