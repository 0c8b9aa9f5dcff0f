package io.ledgerline.ledger.api;

import io.ledgerline.contracts.ledger.command.CommandResult;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;

/** Turns the ledger's answers into HTTP: posted → 200 with the result, refused → a problem. */
@Component
public class CommandResponses {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final String PROBLEM_TYPE_PREFIX = "https://ledgerline.io/problems/";

    public ResponseEntity<Object> toResponse(CommandAnswer answer) {
        var result = answer.result();
        var builder =
                result.isPosted()
                        ? ResponseEntity.ok()
                        : ResponseEntity.status(result.rejection().httpStatus())
                                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (answer.replayed()) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.body(result.isPosted() ? result : problem(result));
    }

    static ProblemDetail problem(CommandResult refused) {
        var status = HttpStatus.valueOf(refused.rejection().httpStatus());
        var problem = ProblemDetail.forStatusAndDetail(status, refused.detail());
        problem.setType(
                URI.create(
                        PROBLEM_TYPE_PREFIX
                                + refused.rejection().name().toLowerCase().replace('_', '-')));
        problem.setTitle(refused.rejection().name());
        problem.setProperty("code", refused.rejection().name());
        problem.setProperty("commandId", refused.commandId());
        return problem;
    }
}
