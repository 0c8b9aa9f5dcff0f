package io.ledgerline.ledger.api;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.ledgerline.contracts.json.StrictJson;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.LedgerApiRefusal;
import io.ledgerline.contracts.problem.Problem;
import io.ledgerline.contracts.problem.Refused;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.concurrent.CompletionException;

/**
 * The ledger's one problem handler: every refusal leaves as the shared {@link Problem} body with a
 * code from the contracts' enums and {@code instance} set to the request path. Nothing reaches the
 * ledger for any of these, so nothing is appended.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(Refused.class)
    ResponseEntity<Problem> refused(Refused refused, HttpServletRequest request) {
        return answer(refused.problem(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(
            HttpMessageNotReadableException e, HttpServletRequest request) {
        return answer(unreadable(e.getCause()), request);
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

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> mediaType(HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.UNSUPPORTED_MEDIA_TYPE, "send application/json"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpServletRequest request) {
        return answer(
                Problem.of(
                        CommonRefusal.UNSUPPORTED_MEDIA_TYPE,
                        "the ledger answers application/json and application/problem+json"),
                request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.INVALID_PARAMETER, e.getParameterName() + " is required")
                        .withField(e.getParameterName()),
                request);
    }

    @ExceptionHandler(MissingPathVariableException.class)
    ResponseEntity<Problem> missingPathVariable(
            MissingPathVariableException e, HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.INVALID_PARAMETER, e.getVariableName() + " is required")
                        .withField(e.getVariableName()),
                request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> badParameter(
            MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.INVALID_PARAMETER, e.getName() + " is malformed")
                        .withField(e.getName()),
                request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> method(
            HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(
                Problem.of(
                        CommonRefusal.METHOD_NOT_ALLOWED,
                        e.getMethod() + " is not allowed here; use " + e.getSupportedHttpMethods()),
                request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> noRoute(HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.ROUTE_NOT_FOUND, "no endpoint at this path"), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Problem> tooLarge(HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.PAYLOAD_TOO_LARGE, "the body is too large"), request);
    }

    @ExceptionHandler(LedgerBusyException.class)
    ResponseEntity<Problem> busy(LedgerBusyException e, HttpServletRequest request) {
        return answer(Problem.of(LedgerApiRefusal.LEDGER_BUSY, e.getMessage()), request);
    }

    @ExceptionHandler(ArithmeticException.class)
    ResponseEntity<Problem> overflow(ArithmeticException e, HttpServletRequest request) {
        log.debug("amount overflow", e);
        return answer(
                Problem.of(
                        Rejection.AMOUNT_OVERFLOW,
                        "the amounts are too large to compute in micro-credits"),
                request);
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

    /** A fault on our side: logged with its stack, answered without it. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> fault(Exception e, HttpServletRequest request) {
        log.error("request {} failed", request.getRequestURI(), e);
        return answer(
                Problem.of(
                        CommonRefusal.INTERNAL_ERROR,
                        "a fault on our side; the request may be retried with the same id"),
                request);
    }

    static ResponseEntity<Problem> answer(Problem problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.withInstance(request.getRequestURI()));
    }
}
