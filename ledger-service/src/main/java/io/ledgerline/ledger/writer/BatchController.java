package io.ledgerline.ledger.writer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refusals;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.ledger.api.CommandAnswer;
import io.ledgerline.ledger.api.ProblemHandler;
import io.ledgerline.ledger.security.CommandScopes;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Many commands in one request, each with its own answer, in order. The whole batch is validated
 * before any of it is submitted: one malformed command refuses the batch and appends nothing.
 */
@RestController
class BatchController {

    static final int MAX_BATCH_COMMANDS = 1_000;

    private static final Map<String, Class<? extends LedgerCommand>> TYPES =
            Stream.of(
                            OpenAccount.class,
                            ConfigureAiCredits.class,
                            AddCredits.class,
                            DeductCredits.class,
                            ReverseTransfer.class,
                            MeterUsage.class,
                            ReserveCredits.class,
                            SettleReservation.class,
                            ReleaseReservation.class,
                            ReserveKeyDeposit.class)
                    .collect(
                            Collectors.toUnmodifiableMap(
                                    Class::getSimpleName, Function.identity()));

    private final LedgerWriter writer;
    private final ObjectMapper json;

    /** {@code json} is the service's strict request mapper, so a batched command reads as one. */
    BatchController(LedgerWriter writer, ObjectMapper json) {
        this.writer = writer;
        this.json = json;
    }

    public record BatchRequest(List<ObjectNode> commands) {}

    public record BatchResponse(List<CommandResult> results, int posted, int refused) {}

    @PostMapping("/api/v1/batches")
    @Operation(
            summary =
                    "Submit up to 1,000 commands ({type: \"AddCredits\", ...fields}); one answer each")
    public CompletableFuture<BatchResponse> submit(@RequestBody BatchRequest body) {
        var commands = parse(body);
        var answers = commands.stream().map(writer::submitForAnswer).toList();
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(
                        done -> {
                            var results =
                                    answers.stream()
                                            .map(CompletableFuture::join)
                                            .map(CommandAnswer::result)
                                            .toList();
                            int posted =
                                    (int) results.stream().filter(CommandResult::isPosted).count();
                            return new BatchResponse(results, posted, results.size() - posted);
                        });
    }

    private List<LedgerCommand> parse(BatchRequest body) {
        if (body == null || body.commands() == null) {
            throw Refused.field(
                    CommonRefusal.FIELD_REQUIRED,
                    "commands",
                    "commands must hold 1-" + MAX_BATCH_COMMANDS + " commands");
        }
        if (body.commands().isEmpty() || body.commands().size() > MAX_BATCH_COMMANDS) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "commands",
                    "commands must hold 1-" + MAX_BATCH_COMMANDS + " commands");
        }
        var parsed = new ArrayList<LedgerCommand>(body.commands().size());
        for (int i = 0; i < body.commands().size(); i++) {
            parsed.add(parseOne(body.commands().get(i), i));
        }
        return parsed;
    }

    private LedgerCommand parseOne(ObjectNode node, int index) {
        var at = "commands." + index;
        if (node == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, at, at + " is null");
        }
        JsonNode typeNode = node.remove("type");
        var type = typeNode == null ? null : TYPES.get(typeNode.asText());
        if (type == null) {
            throw Refused.field(
                    CommonRefusal.INVALID_PARAMETER,
                    at + ".type",
                    "command " + index + ": type must be one of " + TYPES.keySet());
        }
        try {
            var command = json.readerFor(type).<LedgerCommand>readValue(node);
            CommandValidation.check(command);
            if (!CommandScopes.callerMay(command)) {
                throw Refused.field(
                        CommonRefusal.FORBIDDEN,
                        "type",
                        "a "
                                + type.getSimpleName()
                                + " needs one of the scopes "
                                + CommandScopes.allowing(command));
            }
            return command;
        } catch (Refused refused) {
            var field = refused.field() == null ? at : at + "." + refused.field();
            throw Refused.field(
                    refused.code(),
                    field,
                    "command "
                            + index
                            + " ("
                            + type.getSimpleName()
                            + "): "
                            + refused.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            var problem = ProblemHandler.unreadable(e);
            var field = problem.field() == null ? at : at + "." + problem.field();
            throw Refused.field(
                    Refusals.byName(problem.code()).orElseThrow(),
                    field,
                    "command " + index + " (" + type.getSimpleName() + "): " + problem.detail());
        }
    }
}
