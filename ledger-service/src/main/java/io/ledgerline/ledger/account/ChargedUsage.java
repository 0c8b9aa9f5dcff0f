package io.ledgerline.ledger.account;

import org.axonframework.messaging.MetaData;

/**
 * Whether a command's usage id was charged before. The writer knows it from the durable record of
 * every usage id charged (not from the account's memory, which would have to hold every id the
 * account ever charged) and hands it to the account with the command, so the account still decides
 * in its own order which refusal comes first.
 */
public final class ChargedUsage {

    /** The command's metadata key: {@code true} when its usage id was charged before. */
    public static final String CHARGED_BEFORE = "usageChargedBefore";

    private ChargedUsage() {}

    public static MetaData chargedBefore(boolean charged) {
        return MetaData.with(CHARGED_BEFORE, charged);
    }
}
