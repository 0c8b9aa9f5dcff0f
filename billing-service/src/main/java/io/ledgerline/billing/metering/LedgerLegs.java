package io.ledgerline.billing.metering;

import io.ledgerline.billing.ledgerclient.LedgerAnswer;
import io.ledgerline.billing.ledgerclient.LedgerClient;
import io.ledgerline.billing.metering.UsageCharge.Leg;
import io.ledgerline.billing.rating.RatedUsage;
import io.ledgerline.billing.rating.UnratableUsageException;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.ledger.command.SettleReservation;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.usage.UsageRecorded;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Plans and sends the ledger commands for rated uses. Command ids are derived from the request id
 * and the leg, so a redelivered record, a retry after a crash or a restart sends the very same
 * commands and the ledger answers them with its first answer instead of charging twice.
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

    PlannedLeg platformLeg(UsageRecorded usage, RatedUsage rated) {
        if (usage.budgetReservationId() != null) {
            requirePartner(usage);
            return settleOrMeter(usage, rated.platformCostUcr());
        }
        if (rated.billsCustomer()) {
            return PlannedLeg.NONE;
        }
        requirePartner(usage);
        return meter(
                AccountId.partner(usage.partnerId()), "partner", rated.platformCostUcr(), usage);
    }

    PlannedLeg customerLeg(UsageRecorded usage, RatedUsage rated) {
        if (!rated.billsCustomer()) {
            return PlannedLeg.NONE;
        }
        return meter(
                AccountId.customer(usage.customerId()),
                "customer",
                rated.customerChargeUcr(),
                usage);
    }

    /**
     * Sends every planned command in one round of batches, then, for settlements whose reservation
     * is gone, the metering that replaces them in a second. Returns the legs in the given order.
     */
    List<Leg> send(List<PlannedLeg> planned) {
        var first = answers(planned.stream().map(PlannedLeg::command).filter(Objects::nonNull));
        var fallbacks =
                planned.stream()
                        .filter(leg -> leg.fallback() != null)
                        .filter(leg -> reservationGone(first.get(leg.commandId())))
                        .map(PlannedLeg::fallback);
        var second = answers(fallbacks);
        return planned.stream().map(leg -> outcome(leg, first, second)).toList();
    }

    private Map<String, LedgerAnswer> answers(Stream<LedgerCommand> commands) {
        var toSend = commands.toList();
        var byCommandId = new HashMap<String, LedgerAnswer>();
        if (!toSend.isEmpty()) {
            ledger.submit(toSend).forEach(answer -> byCommandId.put(answer.commandId(), answer));
        }
        return byCommandId;
    }

    private static boolean reservationGone(LedgerAnswer answer) {
        return answer.refusedWith(
                Rejection.RESERVATION_CLOSED.name(), Rejection.RESERVATION_NOT_FOUND.name());
    }

    private static Leg outcome(
            PlannedLeg leg, Map<String, LedgerAnswer> first, Map<String, LedgerAnswer> second) {
        if (leg.command() == null) {
            return leg.unsent();
        }
        var answer = first.get(leg.commandId());
        if (leg.fallback() != null && second.containsKey(leg.fallback().commandId())) {
            answer = second.get(leg.fallback().commandId());
        }
        return new Leg(answer.commandId(), answer.code());
    }

    private static PlannedLeg settleOrMeter(UsageRecorded usage, Credits amount) {
        var commandId = commandId(usage, "settle");
        if (!amount.isPositive()) {
            return PlannedLeg.nothingDue(commandId);
        }
        var partner = AccountId.partner(usage.partnerId());
        var settle =
                new SettleReservation(
                        commandId, partner, usage.budgetReservationId(), amount, usage.requestId());
        return PlannedLeg.settleOrElse(settle, meter(partner, "partner", amount, usage).command());
    }

    private static PlannedLeg meter(
            AccountId account, String leg, Credits amount, UsageRecorded usage) {
        var commandId = commandId(usage, leg);
        if (!amount.isPositive()) {
            return PlannedLeg.nothingDue(commandId);
        }
        return PlannedLeg.send(
                new MeterUsage(commandId, account, amount, usage.requestId(), describe(usage)));
    }

    private static void requirePartner(UsageRecorded usage) {
        if (usage.partnerId() == null) {
            throw new UnratableUsageException(
                    BillingRefusal.PARTNER_REQUIRED,
                    "usage names no partner to charge: " + usage.requestId());
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
