package io.ledgerline.portal.problem;

import io.ledgerline.contracts.json.StrictJson;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Problem;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.downstream.DownstreamRefusal;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal of the portal API as the one {@link Problem} body, {@code application/problem+json}
 * with a code from the contracts' enums and the request path as {@code instance}; a downstream's
 * refusal keeps the downstream's code.
 */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(Refused.class)
    ResponseEntity<Problem> refused(Refused refused, HttpServletRequest request) {
        return answer(refused.problem(), request);
    }

    @ExceptionHandler(DownstreamRefusal.class)
    ResponseEntity<Problem> downstream(DownstreamRefusal refused, HttpServletRequest request) {
        return answer(refused.problem(), request);
    }

    /**
     * A text no database can store is {@code INVALID_TEXT} at its field; anything else wrong with
     * the body (syntax, trailing content, a wrong type, an unknown field) is {@code
     * MALFORMED_JSON}.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(
            HttpMessageNotReadableException e, HttpServletRequest request) {
        return answer(StrictJson.problemOf(e.getMostSpecificCause()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> mismatch(
            MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.INVALID_PARAMETER, e.getName() + " is malformed")
                        .withField(e.getName()),
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

    /** Writes must be JSON: a cross-site HTML form cannot send that without a CORS preflight. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> mediaType(HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.UNSUPPORTED_MEDIA_TYPE, "send application/json"), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> method(
            HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(Problem.of(CommonRefusal.METHOD_NOT_ALLOWED, e.getMessage()), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> noRoute(HttpServletRequest request) {
        return answer(Problem.of(CommonRefusal.ROUTE_NOT_FOUND, "no endpoint here"), request);
    }

    /** Spring's other refusals of a request's shape; anything else is our fault. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> other(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
            return answer(
                    Problem.of(CommonRefusal.INVALID_PARAMETER, refused.getBody().getDetail()),
                    request);
        }
        log.error("portal request failed", e);
        return answer(
                Problem.of(
                        CommonRefusal.INTERNAL_ERROR, "the portal could not answer this request"),
                request);
    }

    static ResponseEntity<Problem> answer(Problem problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.withInstance(request.getRequestURI()));
    }
}
