package io.ledgerline.ledger.writer;

import io.ledgerline.contracts.ledger.AccountId.HolderKind;
import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.ledger.Texts;
import io.ledgerline.contracts.ledger.command.AddCredits;
import io.ledgerline.contracts.ledger.command.CommandResult;
import io.ledgerline.contracts.ledger.command.ConfigureAiCredits;
import io.ledgerline.contracts.ledger.command.DeductCredits;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.ledger.command.OpenAccount;
import io.ledgerline.contracts.ledger.command.ReleaseReservation;
import io.ledgerline.contracts.ledger.command.ReserveCredits;
import io.ledgerline.contracts.ledger.command.ReserveKeyDeposit;
import io.ledgerline.contracts.ledger.command.ReverseTransfer;
import io.ledgerline.contracts.ledger.command.SettleReservation;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import java.util.Optional;

/**
 * The checks a command must pass before it reaches an account: the ones that need no state, for
 * every command, single or batched. Malformed input (an id, a text, a number out of its range) is
 * thrown as {@link Refused} naming its field; an amount or a reason the rules refuse is answered as
 * the command's refusal. Either way nothing is recorded, so the client can fix the command and
 * resend it under the same id.
 */
final class CommandValidation {

    static final long MAX_GRACE_SECONDS = 3_600;

    /**
     * The grace allowance is price per minute × grace seconds / 60; bounding the price by the
     * longest grace keeps that product, and every sum with it, inside a long of micro-credits.
     */
    static final long MAX_PRICE_PER_MINUTE_UCR = Long.MAX_VALUE / MAX_GRACE_SECONDS;

    /** Reservation ids of this form are the key deposits' ({@link ReserveKeyDeposit}). */
    static final String KEY_DEPOSIT_PREFIX = ReserveKeyDeposit.reservationIdFor("");

    /** A key deposit's reservation id is an id too, so the key id leaves room for its prefix. */
    static final int MAX_KEY_ID_LENGTH = Ids.MAX_ID_LENGTH - KEY_DEPOSIT_PREFIX.length();

    private CommandValidation() {}

    /** The refusal for an invalid command, or empty when it may go to its account. */
    static Optional<CommandResult> check(LedgerCommand command) {
        return Optional.ofNullable(firstProblem(command))
                .map(
                        problem ->
                                CommandResult.refused(
                                        command.commandId(),
                                        problem.rejection(),
                                        problem.detail()));
    }

    private record Invalid(Rejection rejection, String detail) {}

    private static Invalid firstProblem(LedgerCommand command) {
        id(command.commandId(), "commandId");
        if (command.accountId() == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, "accountId", "accountId is required");
        }
        if (command instanceof OpenAccount open) {
            return checkOpen(open);
        }
        if (command instanceof ConfigureAiCredits configure) {
            return checkSettings(configure);
        }
        if (command instanceof AddCredits add) {
            return firstOf(positive(add.amountUcr()), text(add.note(), "note"));
        }
        if (command instanceof DeductCredits deduct) {
            return firstOf(positive(deduct.amountUcr()), reason(deduct.reason(), "reason"));
        }
        if (command instanceof ReverseTransfer reverse) {
            id(reverse.eventId(), "eventId");
            return reason(reverse.reason(), "reason");
        }
        if (command instanceof MeterUsage usage) {
            id(usage.usageId(), "usageId");
            return firstOf(positive(usage.amountUcr()), text(usage.description(), "description"));
        }
        if (command instanceof ReserveCredits reserve) {
            return checkReserve(reserve);
        }
        if (command instanceof SettleReservation settle) {
            id(settle.reservationId(), "reservationId");
            id(settle.usageId(), "usageId");
            return positive(settle.amountUcr());
        }
        if (command instanceof ReleaseReservation release) {
            id(release.reservationId(), "reservationId");
            return text(release.reason(), "reason");
        }
        return checkKeyDeposit((ReserveKeyDeposit) command);
    }

    private static Invalid checkOpen(OpenAccount open) {
        id(open.partnerId(), "partnerId");
        var holder = open.accountId();
        if (holder.kind() == HolderKind.PARTNER && !holder.holderId().equals(open.partnerId())) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    "partnerId",
                    "a partner account's partnerId is the partner itself");
        }
        return null;
    }

    private static Invalid checkSettings(ConfigureAiCredits configure) {
        var price = required(configure.pricePerMinuteUcr(), "pricePerMinuteUcr");
        var threshold = required(configure.lowCreditThresholdUcr(), "lowCreditThresholdUcr");
        range(configure.graceSeconds(), 0, MAX_GRACE_SECONDS, "graceSeconds");
        if (price.isNegative()) {
            return new Invalid(
                    Rejection.AMOUNT_MUST_BE_POSITIVE, "pricePerMinuteUcr must be zero or more");
        }
        if (threshold.isNegative()) {
            return new Invalid(
                    Rejection.AMOUNT_MUST_BE_POSITIVE,
                    "lowCreditThresholdUcr must be zero or more");
        }
        range(price.ucr(), 0, MAX_PRICE_PER_MINUTE_UCR, "pricePerMinuteUcr");
        return null;
    }

    private static Invalid checkReserve(ReserveCredits reserve) {
        id(reserve.reservationId(), "reservationId");
        if (reserve.reservationId().startsWith(KEY_DEPOSIT_PREFIX)) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    "reservationId",
                    "reservation ids starting with "
                            + KEY_DEPOSIT_PREFIX
                            + " are the key deposits'; reserve those with key-deposits");
        }
        range(reserve.timeoutSeconds(), 0, ReserveCredits.MAX_TIMEOUT_SECONDS, "timeoutSeconds");
        return firstOf(positive(reserve.amountUcr()), text(reserve.purpose(), "purpose"));
    }

    private static Invalid checkKeyDeposit(ReserveKeyDeposit deposit) {
        id(deposit.keyId(), "keyId");
        if (deposit.keyId().length() > MAX_KEY_ID_LENGTH) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    "keyId",
                    "keyId must be at most "
                            + MAX_KEY_ID_LENGTH
                            + " characters: its deposit is reservation "
                            + KEY_DEPOSIT_PREFIX
                            + "<keyId>");
        }
        return null;
    }

    private static void id(String value, String field) {
        Ids.requireSafe(required(value, field), field);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, field, field + " is required");
        }
        return value;
    }

    private static void range(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    field,
                    field + " must be " + min + " to " + max + ", not " + value);
        }
    }

    private static Invalid positive(Credits amount) {
        if (required(amount, "amountUcr").isPositive()) {
            return null;
        }
        return new Invalid(
                Rejection.AMOUNT_MUST_BE_POSITIVE, "amountUcr must be a positive whole number");
    }

    /** A text that must be there: a deduction's or a reversal's reason. */
    private static Invalid reason(String value, String field) {
        if (value == null || value.isBlank()) {
            return new Invalid(Rejection.REASON_REQUIRED, field + " is required");
        }
        return text(value, field);
    }

    /** Texts reach events and the read side: the one text rule, or INVALID_TEXT naming them. */
    private static Invalid text(String value, String field) {
        Texts.problem(value)
                .ifPresent(
                        fault -> {
                            throw Refused.field(
                                    CommonRefusal.INVALID_TEXT, field, field + ": " + fault);
                        });
        return null;
    }

    private static Invalid firstOf(Invalid first, Invalid second) {
        return first != null ? first : second;
    }
}
