package io.ledgerline.websecurity.edge;

import io.ledgerline.contracts.json.StrictJson;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Problem;
import io.ledgerline.contracts.problem.Refused;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The refusals every servlet service answers alike, each as the shared {@link Problem} body with a
 * code from the contracts' enums and the request path as {@code instance}. A service's own handler
 * extends it under {@code @RestControllerAdvice} and adds what only it refuses; Spring picks the
 * handler of the most specific exception, so a subclass's handler wins over these.
 */
public abstract class CommonProblems {

    private static final Logger log = LoggerFactory.getLogger(CommonProblems.class);

    @ExceptionHandler(Refused.class)
    public ResponseEntity<Problem> refused(Refused refused, HttpServletRequest request) {
        return answer(refused.problem(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Problem> unreadable(
            HttpMessageNotReadableException e, HttpServletRequest request) {
        return answer(unreadableBody(e.getCause()), request);
    }

    /**
     * Why a body could not be read: a text no database can store is {@code INVALID_TEXT} at its
     * field; anything else (syntax, trailing content, a wrong type, an unknown field) is {@code
     * MALFORMED_JSON}.
     */
    protected Problem unreadableBody(Throwable cause) {
        return StrictJson.problemOf(cause);
    }

    /** Writes must be JSON: a cross-site HTML form cannot send that without a CORS preflight. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<Problem> mediaType(HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.UNSUPPORTED_MEDIA_TYPE, "send application/json"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ResponseEntity<Problem> notAcceptable(HttpServletRequest request) {
        return answer(
                Problem.of(
                        CommonRefusal.UNSUPPORTED_MEDIA_TYPE,
                        "answers are application/json or application/problem+json"),
                request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<Problem> missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.INVALID_PARAMETER, e.getParameterName() + " is required")
                        .withField(e.getParameterName()),
                request);
    }

    @ExceptionHandler(MissingPathVariableException.class)
    public ResponseEntity<Problem> missingPathVariable(
            MissingPathVariableException e, HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.INVALID_PARAMETER, e.getVariableName() + " is required")
                        .withField(e.getVariableName()),
                request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Problem> badParameter(
            MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.INVALID_PARAMETER, e.getName() + " is malformed")
                        .withField(e.getName()),
                request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<Problem> method(
            HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(
                Problem.of(
                        CommonRefusal.METHOD_NOT_ALLOWED,
                        e.getMethod() + " is not allowed here; use " + e.getSupportedHttpMethods()),
                request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<Problem> noRoute(HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.ROUTE_NOT_FOUND, "no endpoint at this path"), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<Problem> tooLarge(HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.PAYLOAD_TOO_LARGE, "the body is too large"), request);
    }

    @ExceptionHandler(ArithmeticException.class)
    public ResponseEntity<Problem> overflow(ArithmeticException e, HttpServletRequest request) {
        log.debug("amount overflow", e);
        return answer(
                Problem.of(
                        Rejection.AMOUNT_OVERFLOW,
                        "the amounts are too large to compute in micro-credits"),
                request);
    }

    /**
     * Spring's other refusals of a request's shape are the caller's; anything else is a fault on
     * our side: logged with its stack, answered without it.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Problem> fault(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
            return answer(
                    Problem.of(CommonRefusal.INVALID_PARAMETER, refused.getBody().getDetail()),
                    request);
        }
        log.error("request {} failed", request.getRequestURI(), e);
        return answer(
                Problem.of(
                        CommonRefusal.INTERNAL_ERROR,
                        "a fault on our side; the request may be retried with the same id"),
                request);
    }

    public static ResponseEntity<Problem> answer(Problem problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.withInstance(request.getRequestURI()));
    }
}
