package io.ledgerline.contracts.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies a credit account holder: {@code partner:<id>} or {@code customer:<id>}. One holder is
 * one event-sourced aggregate, and it owns the ledger accounts whose balances it must protect (see
 * {@link LedgerAccounts}).
 */
public record AccountId(String value) {

    public AccountId {
        if (value == null) {
            throw new IllegalArgumentException("account id is required");
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "account id must be partner:<id> or customer:<id>: " + value);
        }
        HolderKind.fromPrefix(value.substring(0, colon));
        if (!Ids.isSafe(value.substring(colon + 1))) {
            throw new IllegalArgumentException(
                    "account id must be partner:<id> or customer:<id>, the id 1-"
                            + Ids.MAX_ID_LENGTH
                            + " letters, digits, '.', '_' or '-'");
        }
    }

    @JsonCreator
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    public static AccountId partner(String partnerId) {
        return new AccountId("partner:" + partnerId);
    }

    public static AccountId customer(String customerId) {
        return new AccountId("customer:" + customerId);
    }

    public HolderKind kind() {
        return HolderKind.fromPrefix(value.substring(0, value.indexOf(':')));
    }

    public String holderId() {
        return value.substring(value.indexOf(':') + 1);
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    public enum HolderKind {
        PARTNER("partner"),
        CUSTOMER("customer");

        private final String prefix;

        HolderKind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        static HolderKind fromPrefix(String prefix) {
            for (var kind : values()) {
                if (kind.prefix.equals(prefix)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(
                    "account holder must be partner or customer: " + prefix);
        }
    }
}
