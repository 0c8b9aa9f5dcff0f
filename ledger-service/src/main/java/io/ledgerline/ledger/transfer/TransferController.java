package io.ledgerline.ledger.transfer;

import static io.ledgerline.ledger.api.RequestFields.accountId;
import static io.ledgerline.ledger.api.RequestFields.credits;
import static io.ledgerline.ledger.api.RequestFields.required;
import static io.ledgerline.ledger.api.RequestFields.text;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.ledger.command.AddCredits;
import io.ledgerline.contracts.ledger.command.DeductCredits;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.ledger.command.ReverseTransfer;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.money.UsdCents;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.ledger.api.CommandDoor;
import io.ledgerline.ledger.api.CommandResponses;
import io.ledgerline.ledger.transfer.TransferRequests.AddCreditsRequest;
import io.ledgerline.ledger.transfer.TransferRequests.DeductCreditsRequest;
import io.ledgerline.ledger.transfer.TransferRequests.QuickBuyRequest;
import io.ledgerline.ledger.transfer.TransferRequests.ReversalRequest;
import io.ledgerline.ledger.transfer.TransferRequests.UsageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

/**
 * Credits added, deducted, reversed and spent on usage (docs/ledger-api.md). Every body carries its
 * commandId.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "commands", description = "Idempotent commands that move credit")
class TransferController {

    /** The most cents whose credits still fit in a long of micro-credits. */
    static final long MAX_QUICK_BUY_USD_CENTS =
            Long.MAX_VALUE / (UsdCents.CREDITS_PER_CENT * Credits.UCR_PER_CREDIT);

    private final CommandDoor door;
    private final CommandResponses responses;

    TransferController(CommandDoor door, CommandResponses responses) {
        this.door = door;
        this.responses = responses;
    }

    @PostMapping("/accounts/{accountId}/credits")
    @Operation(
            summary = "Add credits with a note (partner top-up / Quick Buy, customer AI credits)")
    public CompletableFuture<ResponseEntity<Object>> add(
            @PathVariable String accountId, @RequestBody AddCreditsRequest body) {
        return send(
                new AddCredits(
                        body.commandId(),
                        accountId(accountId),
                        credits(body.amountUcr(), "amountUcr"),
                        text(body.note())));
    }

    @PostMapping("/accounts/{accountId}/quick-buy")
    @Operation(
            summary =
                    "Quick Buy platform credits for a partner in USD cents (100 credits = 1.00 USD)")
    public CompletableFuture<ResponseEntity<Object>> quickBuy(
            @PathVariable String accountId, @RequestBody QuickBuyRequest body) {
        var account = accountId(accountId);
        try {
            long cents = quickBuyCents(account, body.amountUsdCents());
            var note = String.format("Quick Buy $%d.%02d", cents / 100, cents % 100);
            return send(
                    new AddCredits(
                            body.commandId(), account, UsdCents.toPlatformCredits(cents), note));
        } catch (Refused refused) {
            return CompletableFuture.completedFuture(
                    responses.refusedInput(refused, body.commandId()));
        }
    }

    /** The cents a Quick Buy may convert: a partner's, positive, and within a long of µcr. */
    private static long quickBuyCents(AccountId account, Long amountUsdCents) {
        if (account.kind() != AccountId.HolderKind.PARTNER) {
            throw new Refused(
                    Rejection.ACCOUNT_KIND_NOT_ALLOWED,
                    "Quick Buy buys platform credits for a partner");
        }
        long cents = required(amountUsdCents, "amountUsdCents");
        if (cents <= 0) {
            throw Refused.field(
                    Rejection.AMOUNT_MUST_BE_POSITIVE,
                    "amountUsdCents",
                    "amountUsdCents must be positive");
        }
        if (cents > MAX_QUICK_BUY_USD_CENTS) {
            throw Refused.field(
                    Rejection.AMOUNT_OVERFLOW,
                    "amountUsdCents",
                    "amountUsdCents must be at most "
                            + MAX_QUICK_BUY_USD_CENTS
                            + " (the most a long of micro-credits holds)");
        }
        return cents;
    }

    @PostMapping("/accounts/{accountId}/deductions")
    @Operation(summary = "Deduct credits with a reason")
    public CompletableFuture<ResponseEntity<Object>> deduct(
            @PathVariable String accountId, @RequestBody DeductCreditsRequest body) {
        return send(
                new DeductCredits(
                        body.commandId(),
                        accountId(accountId),
                        credits(body.amountUcr(), "amountUcr"),
                        text(body.reason())));
    }

    @PostMapping("/accounts/{accountId}/reversals")
    @Operation(summary = "Reverse an earlier addition or deduction by a new, opposite transfer")
    public CompletableFuture<ResponseEntity<Object>> reverse(
            @PathVariable String accountId, @RequestBody ReversalRequest body) {
        return send(
                new ReverseTransfer(
                        body.commandId(),
                        accountId(accountId),
                        body.eventId(),
                        text(body.reason())));
    }

    @PostMapping("/accounts/{accountId}/usage")
    @Operation(summary = "Charge rated usage")
    public CompletableFuture<ResponseEntity<Object>> meter(
            @PathVariable String accountId, @RequestBody UsageRequest body) {
        return send(
                new MeterUsage(
                        body.commandId(),
                        accountId(accountId),
                        credits(body.amountUcr(), "amountUcr"),
                        body.usageId(),
                        text(body.description())));
    }

    private CompletableFuture<ResponseEntity<Object>> send(LedgerCommand command) {
        return responses.send(door, command);
    }
}
