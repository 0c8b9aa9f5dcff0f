package io.ledgerline.ledger.history;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns refused queries into {@code application/problem+json} bodies carrying their code. */
@RestControllerAdvice(basePackageClasses = QueryProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    @ExceptionHandler(QueryRejected.class)
    ResponseEntity<ProblemDetail> rejected(QueryRejected rejected) {
        var problem = ProblemDetail.forStatusAndDetail(rejected.status(), rejected.getMessage());
        problem.setTitle(rejected.code());
        problem.setProperty("code", rejected.code());
        return ResponseEntity.status(rejected.status()).body(problem);
    }
}
