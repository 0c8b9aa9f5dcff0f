package io.ledgerline.ledger.history;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;

import java.util.Optional;

/** Which holder a ledger account belongs to, read from its name (see {@link LedgerAccounts}). */
public final class LedgerAccountOwner {

    private LedgerAccountOwner() {}

    /**
     * The holder whose name the account carries: {@code partner/p1/…} belongs to partner:p1, {@code
     * customer/c1/…} to customer:c1; {@code platform/…} accounts belong to nobody.
     */
    public static Optional<AccountId> holderOf(String ledgerAccount) {
        var parts = ledgerAccount.split("/", 3);
        if (parts.length < 3) {
            return Optional.empty();
        }
        return switch (parts[0]) {
            case "partner" -> Optional.of(AccountId.partner(parts[1]));
            case "customer" -> Optional.of(AccountId.customer(parts[1]));
            default -> Optional.empty();
        };
    }

    /** The holder's spendable account or one of its reservations; never its system accounts. */
    public static boolean isHoldersOwn(String ledgerAccount, AccountId holder) {
        return ledgerAccount.equals(LedgerAccounts.spendable(holder))
                || ledgerAccount.startsWith(LedgerAccounts.reservation(holder, ""));
    }
}
