package io.ledgerline.ledger.api;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.Texts;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

/**
 * Reading the fields of a command request body: a missing field is refused, never defaulted; a text
 * is taken in the form it is stored in (NFC). The rules a command must pass are the writer's {@code
 * CommandValidation}, the one place every command, single or batched, is checked.
 */
public final class RequestFields {

    private RequestFields() {}

    /** The account named in a path or a body; a malformed one is refused naming {@code field}. */
    public static AccountId accountId(String value, String field) {
        if (value == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, field, field + " is required");
        }
        try {
            return AccountId.of(value);
        } catch (IllegalArgumentException e) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    field,
                    field + " must be partner:<id> or customer:<id> (id: 1-64 of A-Za-z0-9._-)");
        }
    }

    public static AccountId accountId(String value) {
        return accountId(value, "accountId");
    }

    public static Credits credits(Long ucr, String field) {
        return Credits.ofMicros(required(ucr, field));
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, field, field + " is required");
        }
        return value;
    }

    /** A free text in its stored form; whether it may be stored is checked with the command. */
    public static String text(String value) {
        return Texts.normalised(value);
    }
}
