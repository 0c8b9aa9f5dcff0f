package io.ledgerline.gateway.error;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Turns refusals of the management API into {@code application/problem+json} with a code. */
@RestControllerAdvice(
        basePackages = {
            "io.ledgerline.gateway.partnerkey",
            "io.ledgerline.gateway.customerkey",
            "io.ledgerline.gateway.settings"
        })
public class ProblemHandler {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> refused(ApiProblem problem) {
        return problem(problem.status(), problem.code(), problem.getMessage());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> malformed(ServerWebInputException e) {
        return problem(
                400,
                "MALFORMED_REQUEST",
                "The request body or parameters are malformed: " + e.getReason());
    }

    public static ResponseEntity<ProblemDetail> problem(int status, String code, String detail) {
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        body.setProperty("code", code);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
