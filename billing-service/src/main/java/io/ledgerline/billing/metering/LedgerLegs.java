package io.ledgerline.billing.metering;

import io.ledgerline.billing.ledgerclient.LedgerAnswer;
import io.ledgerline.billing.ledgerclient.LedgerClient;
import io.ledgerline.billing.metering.UsageCharge.Leg;
import io.ledgerline.billing.rating.RatedUsage;
import io.ledgerline.billing.rating.UnratableUsageException;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.usage.UsageRecorded;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Sends the ledger commands for one rated use. Command ids are derived from the request id and the
 * leg, so a redelivered record, a retry after a crash or a restart sends the very same commands and
 * the ledger answers them with its first answer instead of charging twice.
 *
 * <ul>
 *   <li>platform leg: a partner key's cost is settled from its budget reservation; when that
 *       reservation is gone (key revoked), it is metered on the partner instead. A partner key
 *       without a reservation meters the partner directly.
 *   <li>customer leg: the customer charge in AI credits is metered on the customer (the ledger
 *       routes it to the partner when the customer's AI credits are disabled).
 * </ul>
 */
@Component
class LedgerLegs {

    private static final int COMMAND_HASH_HEX_CHARS = 40;

    private final LedgerClient ledger;

    LedgerLegs(LedgerClient ledger) {
        this.ledger = ledger;
    }

    Leg platformLeg(UsageRecorded usage, RatedUsage rated) {
        if (usage.budgetReservationId() != null) {
            requirePartner(usage);
            return settleOrMeter(usage, rated.platformCostUcr());
        }
        if (rated.billsCustomer()) {
            return Leg.NONE;
        }
        requirePartner(usage);
        return meter(
                AccountId.partner(usage.partnerId()),
                commandId(usage, "partner"),
                rated.platformCostUcr(),
                usage);
    }

    Leg customerLeg(UsageRecorded usage, RatedUsage rated) {
        if (!rated.billsCustomer()) {
            return Leg.NONE;
        }
        return meter(
                AccountId.customer(usage.customerId()),
                commandId(usage, "customer"),
                rated.customerChargeUcr(),
                usage);
    }

    private Leg settleOrMeter(UsageRecorded usage, Credits amount) {
        var commandId = commandId(usage, "settle");
        if (!amount.isPositive()) {
            return new Leg(commandId, UsageCharge.NOTHING_DUE);
        }
        var partner = AccountId.partner(usage.partnerId());
        var answer =
                ledger.settleReservation(
                        partner, usage.budgetReservationId(), commandId, amount, usage.requestId());
        if (answer.refusedWith(
                Rejection.RESERVATION_CLOSED.name(), Rejection.RESERVATION_NOT_FOUND.name())) {
            return meter(partner, commandId(usage, "partner"), amount, usage);
        }
        return new Leg(commandId, answer.code());
    }

    private Leg meter(AccountId account, String commandId, Credits amount, UsageRecorded usage) {
        if (!amount.isPositive()) {
            return new Leg(commandId, UsageCharge.NOTHING_DUE);
        }
        LedgerAnswer answer =
                ledger.meterUsage(account, commandId, amount, usage.requestId(), describe(usage));
        return new Leg(commandId, answer.code());
    }

    private static void requirePartner(UsageRecorded usage) {
        if (usage.partnerId() == null) {
            throw new UnratableUsageException(
                    "PARTNER_REQUIRED", "usage names no partner to charge: " + usage.requestId());
        }
    }

    static String describe(UsageRecorded usage) {
        return switch (usage.source()) {
            case GATEWAY ->
                    usage.model()
                            + ": "
                            + usage.tokensIn()
                            + " tokens in, "
                            + usage.tokensOut()
                            + " out";
            case AGENT_CALL ->
                    "agent call: "
                            + usage.callSeconds()
                            + " s, "
                            + usage.toolCalls()
                            + " tool calls";
            case AGENT_CHAT -> "agent chat: " + usage.toolCalls() + " tool calls";
        };
    }

    /** {@code usage-<requestId>-<leg>}, or a hash of it when that is not a valid ledger id. */
    static String commandId(UsageRecorded usage, String leg) {
        var readable = "usage-" + usage.requestId() + "-" + leg;
        if (Ids.isSafe(readable)) {
            return readable;
        }
        return "usage-"
                + sha256Hex(usage.requestId() + "/" + leg).substring(0, COMMAND_HASH_HEX_CHARS)
                + "-"
                + leg;
    }

    private static String sha256Hex(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
