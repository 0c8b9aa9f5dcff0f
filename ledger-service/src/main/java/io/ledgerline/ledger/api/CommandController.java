package io.ledgerline.ledger.api;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.AddCredits;
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
import io.ledgerline.contracts.money.UsdCents;
import io.ledgerline.ledger.api.CommandRequests.AddCreditsRequest;
import io.ledgerline.ledger.api.CommandRequests.AiCreditsRequest;
import io.ledgerline.ledger.api.CommandRequests.DeductCreditsRequest;
import io.ledgerline.ledger.api.CommandRequests.KeyDepositRequest;
import io.ledgerline.ledger.api.CommandRequests.OpenAccountRequest;
import io.ledgerline.ledger.api.CommandRequests.QuickBuyRequest;
import io.ledgerline.ledger.api.CommandRequests.ReleaseRequest;
import io.ledgerline.ledger.api.CommandRequests.ReserveRequest;
import io.ledgerline.ledger.api.CommandRequests.ReversalRequest;
import io.ledgerline.ledger.api.CommandRequests.SettleRequest;
import io.ledgerline.ledger.api.CommandRequests.UsageRequest;
import io.ledgerline.ledger.command.LedgerWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

/** The command half of the ledger API (docs/ledger-api.md). Every body carries its commandId. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "commands", description = "Idempotent commands that move credit")
public class CommandController {

    private final LedgerWriter writer;
    private final CommandResponses responses;

    public CommandController(LedgerWriter writer, CommandResponses responses) {
        this.writer = writer;
        this.responses = responses;
    }

    @PostMapping("/accounts")
    @Operation(summary = "Open a partner's or a customer's credit account")
    public CompletableFuture<ResponseEntity<Object>> open(@RequestBody OpenAccountRequest body) {
        return send(
                new OpenAccount(body.commandId(), accountId(body.accountId()), body.partnerId()));
    }

    @PutMapping("/accounts/{accountId}/ai-credits")
    @Operation(summary = "Set a customer's AI-credit settings (R13)")
    public CompletableFuture<ResponseEntity<Object>> configure(
            @PathVariable String accountId, @RequestBody AiCreditsRequest body) {
        return send(
                new ConfigureAiCredits(
                        body.commandId(),
                        accountId(accountId),
                        required(body.enabled(), "enabled"),
                        credits(body.pricePerMinuteUcr(), "pricePerMinuteUcr"),
                        required(body.graceSeconds(), "graceSeconds"),
                        credits(body.lowCreditThresholdUcr(), "lowCreditThresholdUcr"),
                        required(body.lowCreditNotifications(), "lowCreditNotifications")));
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

    @PostMapping("/accounts/{accountId}/reservations")
    @Operation(summary = "Reserve credits (a pending transfer); timeoutSeconds 0 means no timeout")
    public CompletableFuture<ResponseEntity<Object>> reserve(
            @PathVariable String accountId, @RequestBody ReserveRequest body) {
        return send(
                new ReserveCredits(
                        body.commandId(),
                        accountId(accountId),
                        body.reservationId(),
                        credits(body.amountUcr(), "amountUcr"),
                        required(body.timeoutSeconds(), "timeoutSeconds"),
                        body.purpose(),
                        Boolean.TRUE.equals(body.withinGrace())));
    }

    @PostMapping("/accounts/{accountId}/reservations/{reservationId}/settlements")
    @Operation(summary = "Spend part of an open reservation")
    public CompletableFuture<ResponseEntity<Object>> settle(
            @PathVariable String accountId,
            @PathVariable String reservationId,
            @RequestBody SettleRequest body) {
        return send(
                new SettleReservation(
                        body.commandId(),
                        accountId(accountId),
                        reservationId,
                        credits(body.amountUcr(), "amountUcr"),
                        body.usageId()));
    }

    @PostMapping("/accounts/{accountId}/reservations/{reservationId}/release")
    @Operation(summary = "Return what is left of a reservation and close it")
    public CompletableFuture<ResponseEntity<Object>> release(
            @PathVariable String accountId,
            @PathVariable String reservationId,
            @RequestBody ReleaseRequest body) {
        return send(
                new ReleaseReservation(
                        body.commandId(), accountId(accountId), reservationId, body.reason()));
    }

    @PostMapping("/accounts/{accountId}/key-deposits")
    @Operation(summary = "Reserve the 1,000-credit deposit of a customer-created gateway key (R9)")
    public CompletableFuture<ResponseEntity<Object>> keyDeposit(
            @PathVariable String accountId, @RequestBody KeyDepositRequest body) {
        return send(new ReserveKeyDeposit(body.commandId(), accountId(accountId), body.keyId()));
    }

    private CompletableFuture<ResponseEntity<Object>> send(LedgerCommand command) {
        return writer.submitForAnswer(command).thenApply(responses::toResponse);
    }

    private static AccountId accountId(String value) {
        return AccountId.of(value);
    }

    private static Credits credits(Long ucr, String field) {
        return Credits.ofMicros(required(ucr, field));
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
