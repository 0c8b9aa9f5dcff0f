package io.ledgerline.billing.web;

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
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every refusal leaves as the shared problem body with a code from the contracts' enums. */
@RestControllerAdvice
class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(Refused.class)
    ResponseEntity<Problem> refused(Refused refused, HttpServletRequest request) {
        return answer(refused.problem(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(
            HttpMessageNotReadableException e, HttpServletRequest request) {
        return answer(StrictJson.problemOf(e.getCause()), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> mediaType(HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.UNSUPPORTED_MEDIA_TYPE, "send application/json"), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request) {
        return answer(
                Problem.of(CommonRefusal.INVALID_PARAMETER, e.getMessage())
                        .withField(e.getParameterName()),
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

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Problem> missingHeader(
            MissingRequestHeaderException e, HttpServletRequest request) {
        return answer(
                Problem.of(
                        CommonRefusal.UNAUTHENTICATED,
                        "header " + e.getHeaderName() + " is required"),
                request);
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

    @ExceptionHandler(ArithmeticException.class)
    ResponseEntity<Problem> overflow(ArithmeticException e, HttpServletRequest request) {
        log.debug("amount overflow", e);
        return answer(
                Problem.of(
                        Rejection.AMOUNT_OVERFLOW,
                        "the amounts are too large to compute in micro-credits"),
                request);
    }

    private static ResponseEntity<Problem> answer(Problem problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.withInstance(request.getRequestURI()));
    }
}
