package io.ledgerline.ledger.transfer;

import static io.ledgerline.ledger.api.RequestFields.accountId;
import static io.ledgerline.ledger.api.RequestFields.credits;
import static io.ledgerline.ledger.api.RequestFields.required;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.AddCredits;
import io.ledgerline.contracts.ledger.command.DeductCredits;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.ledger.command.ReverseTransfer;
import io.ledgerline.contracts.money.UsdCents;
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
                        body.note()));
    }

    @PostMapping("/accounts/{accountId}/quick-buy")
    @Operation(
            summary =
                    "Quick Buy platform credits for a partner in USD cents (100 credits = 1.00 USD)")
    public CompletableFuture<ResponseEntity<Object>> quickBuy(
            @PathVariable String accountId, @RequestBody QuickBuyRequest body) {
        long cents = required(body.amountUsdCents(), "amountUsdCents");
        if (cents <= 0) {
            throw new IllegalArgumentException("amountUsdCents must be positive");
        }
        var account = accountId(accountId);
        if (account.kind() != AccountId.HolderKind.PARTNER) {
            throw new IllegalArgumentException("Quick Buy buys platform credits for a partner");
        }
        var note = String.format("Quick Buy $%d.%02d", cents / 100, cents % 100);
        return send(
                new AddCredits(body.commandId(), account, UsdCents.toPlatformCredits(cents), note));
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
                        body.reason()));
    }

    @PostMapping("/accounts/{accountId}/reversals")
    @Operation(summary = "Reverse an earlier addition or deduction by a new, opposite transfer")
    public CompletableFuture<ResponseEntity<Object>> reverse(
            @PathVariable String accountId, @RequestBody ReversalRequest body) {
        return send(
                new ReverseTransfer(
                        body.commandId(), accountId(accountId), body.eventId(), body.reason()));
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
                        body.description()));
    }

    private CompletableFuture<ResponseEntity<Object>> send(LedgerCommand command) {
        return door.submitForAnswer(command).thenApply(responses::toResponse);
    }
}
