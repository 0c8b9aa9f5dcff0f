package io.ledgerline.ledger.history;

import io.ledgerline.contracts.problem.Problem;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns refused queries into the shared {@link Problem} body carrying their code. */
@RestControllerAdvice(basePackageClasses = QueryProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    @ExceptionHandler(QueryRejected.class)
    ResponseEntity<Problem> rejected(QueryRejected rejected, HttpServletRequest request) {
        return ResponseEntity.status(rejected.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(rejected.problem().withInstance(request.getRequestURI()));
    }
}
