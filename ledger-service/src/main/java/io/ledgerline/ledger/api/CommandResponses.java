package io.ledgerline.ledger.api;

import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.ledger.command.CommandResult;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.problem.Problem;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.concurrent.CompletableFuture;

/**
 * Turns the ledger's answers into HTTP: posted → 200 with the result, refused → a {@link Problem}
 * with the command's id and the request path.
 */
@Component
public class CommandResponses {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /**
     * Sends a command and answers it. The request path is read here, on the request's thread: the
     * answer completes later, on a writer thread.
     */
    public CompletableFuture<ResponseEntity<Object>> send(CommandDoor door, LedgerCommand command) {
        var path = currentPath();
        try {
            return door.submitForAnswer(command).thenApply(answer -> toResponse(answer, path));
        } catch (Refused refused) {
            return CompletableFuture.completedFuture(refusedInput(refused, command, path));
        }
    }

    /** Input refused before a command could be built, answered on the request's thread. */
    public ResponseEntity<Object> refusedInput(Refused refused, String commandId) {
        return refusedInput(refused, commandId, currentPath());
    }

    /** Input the ledger refused before recording anything; it names the command when it can. */
    private static ResponseEntity<Object> refusedInput(
            Refused refused, LedgerCommand command, String path) {
        return refusedInput(refused, command.commandId(), path);
    }

    private static ResponseEntity<Object> refusedInput(
            Refused refused, String commandId, String path) {
        var problem = refused.problem().withInstance(path);
        if (Ids.isSafe(commandId)) {
            problem = problem.withCommandId(commandId);
        }
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    public ResponseEntity<Object> toResponse(CommandAnswer answer, String path) {
        var result = answer.result();
        var builder =
                result.isPosted()
                        ? ResponseEntity.ok()
                        : ResponseEntity.status(result.rejection().httpStatus())
                                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (answer.replayed()) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.body(result.isPosted() ? result : problem(result, path));
    }

    static Problem problem(CommandResult refused, String path) {
        return Problem.of(refused.rejection(), refused.detail())
                .withCommandId(refused.commandId())
                .withInstance(path);
    }

    private static String currentPath() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes s
                ? s.getRequest().getRequestURI()
                : null;
    }
}
