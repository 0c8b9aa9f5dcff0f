package io.ledgerline.ledger.reservation;

import static io.ledgerline.ledger.api.RequestFields.accountId;
import static io.ledgerline.ledger.api.RequestFields.credits;
import static io.ledgerline.ledger.api.RequestFields.required;
import static io.ledgerline.ledger.api.RequestFields.text;

import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.ReleaseReservation;
import io.ledgerline.contracts.ledger.command.ReserveCredits;
import io.ledgerline.contracts.ledger.command.ReserveKeyDeposit;
import io.ledgerline.contracts.ledger.command.SettleReservation;
import io.ledgerline.ledger.api.CommandDoor;
import io.ledgerline.ledger.api.CommandResponses;
import io.ledgerline.ledger.reservation.ReservationRequests.KeyDepositRequest;
import io.ledgerline.ledger.reservation.ReservationRequests.ReleaseRequest;
import io.ledgerline.ledger.reservation.ReservationRequests.ReserveRequest;
import io.ledgerline.ledger.reservation.ReservationRequests.SettleRequest;
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
 * Holding credits, spending and releasing holds, key deposits. Every body carries its commandId.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "commands", description = "Idempotent commands that move credit")
class ReservationController {

    private final CommandDoor door;
    private final CommandResponses responses;

    ReservationController(CommandDoor door, CommandResponses responses) {
        this.door = door;
        this.responses = responses;
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
                        text(body.purpose()),
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
                        body.commandId(),
                        accountId(accountId),
                        reservationId,
                        text(body.reason())));
    }

    @PostMapping("/accounts/{accountId}/key-deposits")
    @Operation(summary = "Reserve the 1,000-credit deposit of a customer-created gateway key (R9)")
    public CompletableFuture<ResponseEntity<Object>> keyDeposit(
            @PathVariable String accountId, @RequestBody KeyDepositRequest body) {
        return send(new ReserveKeyDeposit(body.commandId(), accountId(accountId), body.keyId()));
    }

    private CompletableFuture<ResponseEntity<Object>> send(LedgerCommand command) {
        return responses.send(door, command);
    }
}
