package io.ledgerline.ledger.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;
import java.util.concurrent.CompletionException;

/**
 * Bad input and overload as {@code application/problem+json} with a stable {@code code}. Nothing
 * reaches the ledger for any of these, so nothing is appended.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "MALFORMED_JSON",
                "the request body is not valid JSON of the expected shape (amounts are whole micro-credits)");
    }

    @ExceptionHandler({
        MissingServletRequestParameterException.class,
        MethodArgumentTypeMismatchException.class
    })
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", e.getMessage());
    }

    @ExceptionHandler(LedgerBusyException.class)
    ResponseEntity<ProblemDetail> busy(LedgerBusyException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "LEDGER_BUSY", e.getMessage());
    }

    @ExceptionHandler(CompletionException.class)
    ResponseEntity<ProblemDetail> completion(CompletionException e) {
        if (e.getCause() instanceof LedgerBusyException busy) {
            return busy(busy);
        }
        if (e.getCause() instanceof IllegalArgumentException invalid) {
            return invalid(invalid);
        }
        log.error("command failed", e.getCause());
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "LEDGER_UNAVAILABLE",
                "the command could not be written; retry with the same commandId");
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(
                URI.create(
                        CommandResponses.PROBLEM_TYPE_PREFIX
                                + code.toLowerCase().replace('_', '-')));
        problem.setTitle(code);
        problem.setProperty("code", code);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
