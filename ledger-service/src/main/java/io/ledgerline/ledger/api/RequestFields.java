package io.ledgerline.ledger.api;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.money.Credits;

/** Reading the fields of a command request body: a missing field is refused, never defaulted. */
public final class RequestFields {

    private RequestFields() {}

    public static AccountId accountId(String value) {
        return AccountId.of(value);
    }

    public static Credits credits(Long ucr, String field) {
        return Credits.ofMicros(required(ucr, field));
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
