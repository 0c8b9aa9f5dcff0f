package io.ledgerline.portal.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every refusal of the portal API as {@code application/problem+json} with a {@code code}. */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(PortalProblem.class)
    ResponseEntity<ProblemDetail> refused(PortalProblem problem) {
        return problem(problem.status(), problem.code(), problem.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(400, "MALFORMED_REQUEST", "the request body is not the expected JSON");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return problem(400, "MALFORMED_REQUEST", e.getName() + " has the wrong format");
    }

    /** Writes must be JSON: a cross-site HTML form cannot send that without a CORS preflight. */
    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(415, "UNSUPPORTED_MEDIA_TYPE", "send application/json");
    }

    /** Spring's own refusals (unknown path, wrong method, ...) keep their status. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e) {
        if (e instanceof ErrorResponse refused) {
            int status = refused.getStatusCode().value();
            return problem(status, "HTTP_" + status, refused.getBody().getDetail());
        }
        log.error("portal request failed", e);
        return problem(500, "INTERNAL_ERROR", "the portal could not answer this request");
    }

    static ResponseEntity<ProblemDetail> problem(int status, String code, String detail) {
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        body.setTitle(code);
        body.setProperty("code", code);
        return ResponseEntity.status(status).body(body);
    }
}
