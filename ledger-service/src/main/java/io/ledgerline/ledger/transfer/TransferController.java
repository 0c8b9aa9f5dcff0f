package io.ledgerline.ledger.transfer;

import static io.ledgerline.ledger.api.RequestFields.accountId;
import static io.ledgerline.ledger.api.RequestFields.credits;
import static io.ledgerline.ledger.api.RequestFields.text;

import io.ledgerline.contracts.ledger.command.AddCredits;
import io.ledgerline.contracts.ledger.command.DeductCredits;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.ledger.command.ReverseTransfer;
import io.ledgerline.ledger.api.CommandDoor;
import io.ledgerline.ledger.api.CommandResponses;
import io.ledgerline.ledger.transfer.TransferRequests.AddCreditsRequest;
import io.ledgerline.ledger.transfer.TransferRequests.DeductCreditsRequest;
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
            summary =
                    "Add credits with a note (partner top-up, a paid purchase, customer AI credits)")
    public CompletableFuture<ResponseEntity<Object>> add(
            @PathVariable String accountId, @RequestBody AddCreditsRequest body) {
        return send(
                new AddCredits(
                        body.commandId(),
                        accountId(accountId),
                        credits(body.amountUcr(), "amountUcr"),
                        text(body.note())));
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
