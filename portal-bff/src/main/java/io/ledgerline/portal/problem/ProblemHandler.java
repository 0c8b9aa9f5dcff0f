package io.ledgerline.portal.problem;

import io.ledgerline.contracts.problem.Problem;
import io.ledgerline.portal.downstream.DownstreamRefusal;
import io.ledgerline.websecurity.edge.CommonProblems;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of the portal API as the one {@link Problem} body, {@code application/problem+json}
 * with a code from the contracts' enums and the request path as {@code instance}; a downstream's
 * refusal keeps the downstream's code.
 */
@RestControllerAdvice
class ProblemHandler extends CommonProblems {

    @ExceptionHandler(DownstreamRefusal.class)
    ResponseEntity<Problem> downstream(DownstreamRefusal refused, HttpServletRequest request) {
        return answer(refused.problem(), request);
    }
}
