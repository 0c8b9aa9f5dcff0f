package io.ledgerline.ledger.account;

import static io.ledgerline.ledger.api.RequestFields.accountId;
import static io.ledgerline.ledger.api.RequestFields.credits;
import static io.ledgerline.ledger.api.RequestFields.required;

import io.ledgerline.contracts.ledger.command.ConfigureAiCredits;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.OpenAccount;
import io.ledgerline.ledger.account.AccountRequests.AiCreditsRequest;
import io.ledgerline.ledger.account.AccountRequests.OpenAccountRequest;
import io.ledgerline.ledger.api.CommandDoor;
import io.ledgerline.ledger.api.CommandResponses;
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

/** Opening accounts and setting a customer's AI credits. Every body carries its commandId. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "commands", description = "Idempotent commands that move credit")
class AccountController {

    private final CommandDoor door;
    private final CommandResponses responses;

    AccountController(CommandDoor door, CommandResponses responses) {
        this.door = door;
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

    private CompletableFuture<ResponseEntity<Object>> send(LedgerCommand command) {
        return responses.send(door, command);
    }
}
