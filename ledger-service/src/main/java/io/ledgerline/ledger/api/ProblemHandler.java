package io.ledgerline.ledger.api;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.ledgerline.contracts.json.StrictJson;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.LedgerApiRefusal;
import io.ledgerline.contracts.problem.Problem;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.websecurity.edge.CommonProblems;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.concurrent.CompletionException;

/**
 * The ledger's one problem handler: every refusal leaves as the shared {@link Problem} body with a
 * code from the contracts' enums and {@code instance} set to the request path. Nothing reaches the
 * ledger for any of these, so nothing is appended.
 */
@RestControllerAdvice
public class ProblemHandler extends CommonProblems {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected Problem unreadableBody(Throwable cause) {
        return unreadable(cause);
    }

    /** Why a body could not be read: a refused id or unstorable text names its field. */
    public static Problem unreadable(Throwable cause) {
        if (cause instanceof ValueInstantiationException refusedValue) {
            // Only ids have creators that refuse a value (AccountId, LedgerId).
            return Problem.of(CommonRefusal.INVALID_ID, refusedValue.getOriginalMessage())
                    .withField(StrictJson.fieldOf(refusedValue));
        }
        return StrictJson.problemOf(cause);
    }

    @ExceptionHandler(LedgerBusyException.class)
    ResponseEntity<Problem> busy(LedgerBusyException e, HttpServletRequest request) {
        return answer(Problem.of(LedgerApiRefusal.LEDGER_BUSY, e.getMessage()), request);
    }

    @ExceptionHandler(CompletionException.class)
    ResponseEntity<Problem> completion(CompletionException e, HttpServletRequest request) {
        if (e.getCause() instanceof LedgerBusyException busy) {
            return busy(busy, request);
        }
        if (e.getCause() instanceof Refused refused) {
            return refused(refused, request);
        }
        log.error("command failed", e.getCause());
        return answer(
                Problem.of(
                        CommonRefusal.LEDGER_UNAVAILABLE,
                        "the command could not be written; retry with the same commandId"),
                request);
    }
}
