package io.ledgerline.ledger.writer;

import io.ledgerline.contracts.ledger.AccountId.HolderKind;
import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.ledger.Rejection;
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

import java.util.Optional;

/**
 * The checks a command must pass before it reaches an account: the ones that need no state. A
 * command failing here is refused without being recorded, so the client can fix it and resend under
 * the same id.
 */
final class CommandValidation {

    static final int MAX_TEXT_LENGTH = 500;
    static final long MAX_GRACE_SECONDS = 3_600;

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

    private record Problem(Rejection rejection, String detail) {}

    private static Problem firstProblem(LedgerCommand command) {
        if (!Ids.isSafe(command.commandId())) {
            throw new IllegalArgumentException(
                    "commandId must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (command.accountId() == null) {
            throw new IllegalArgumentException("accountId is required");
        }
        if (command instanceof OpenAccount open) {
            return checkOpen(open);
        }
        if (command instanceof ConfigureAiCredits configure) {
            return checkSettings(configure);
        }
        if (command instanceof AddCredits add) {
            return firstOf(positive(add.amountUcr()), text(add.note(), "note", false));
        }
        if (command instanceof DeductCredits deduct) {
            return firstOf(positive(deduct.amountUcr()), text(deduct.reason(), "reason", true));
        }
        if (command instanceof ReverseTransfer reverse) {
            Ids.requireSafe(reverse.eventId(), "eventId");
            return text(reverse.reason(), "reason", true);
        }
        if (command instanceof MeterUsage usage) {
            Ids.requireSafe(usage.usageId(), "usageId");
            return firstOf(
                    positive(usage.amountUcr()), text(usage.description(), "description", false));
        }
        if (command instanceof ReserveCredits reserve) {
            return checkReserve(reserve);
        }
        if (command instanceof SettleReservation settle) {
            Ids.requireSafe(settle.reservationId(), "reservationId");
            return positive(settle.amountUcr());
        }
        if (command instanceof ReleaseReservation release) {
            Ids.requireSafe(release.reservationId(), "reservationId");
            return text(release.reason(), "reason", false);
        }
        if (command instanceof ReserveKeyDeposit deposit) {
            Ids.requireSafe(deposit.keyId(), "keyId");
        }
        return null;
    }

    private static Problem checkOpen(OpenAccount open) {
        Ids.requireSafe(open.partnerId(), "partnerId");
        var holder = open.accountId();
        if (holder.kind() == HolderKind.PARTNER && !holder.holderId().equals(open.partnerId())) {
            throw new IllegalArgumentException(
                    "a partner account's partnerId is the partner itself");
        }
        return null;
    }

    private static Problem checkSettings(ConfigureAiCredits configure) {
        if (configure.pricePerMinuteUcr() == null || configure.pricePerMinuteUcr().isNegative()) {
            return new Problem(
                    Rejection.AMOUNT_MUST_BE_POSITIVE, "pricePerMinuteUcr must be zero or more");
        }
        if (configure.lowCreditThresholdUcr() == null
                || configure.lowCreditThresholdUcr().isNegative()) {
            return new Problem(
                    Rejection.AMOUNT_MUST_BE_POSITIVE,
                    "lowCreditThresholdUcr must be zero or more");
        }
        if (configure.graceSeconds() < 0 || configure.graceSeconds() > MAX_GRACE_SECONDS) {
            throw new IllegalArgumentException("graceSeconds must be 0-" + MAX_GRACE_SECONDS);
        }
        return null;
    }

    private static Problem checkReserve(ReserveCredits reserve) {
        Ids.requireSafe(reserve.reservationId(), "reservationId");
        if (reserve.timeoutSeconds() < 0
                || reserve.timeoutSeconds() > ReserveCredits.MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException(
                    "timeoutSeconds must be 0 (no timeout) to "
                            + ReserveCredits.MAX_TIMEOUT_SECONDS);
        }
        return firstOf(positive(reserve.amountUcr()), text(reserve.purpose(), "purpose", false));
    }

    private static Problem positive(Credits amount) {
        if (amount == null || !amount.isPositive()) {
            return new Problem(
                    Rejection.AMOUNT_MUST_BE_POSITIVE, "amountUcr must be a positive whole number");
        }
        return null;
    }

    private static Problem text(String value, String name, boolean required) {
        if (required && (value == null || value.isBlank())) {
            return new Problem(Rejection.REASON_REQUIRED, name + " is required");
        }
        if (value != null && value.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(
                    name + " is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return null;
    }

    private static Problem firstOf(Problem first, Problem second) {
        return first != null ? first : second;
    }
}
