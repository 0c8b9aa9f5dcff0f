package io.ledgerline.gateway.error;

import com.fasterxml.jackson.databind.JsonMappingException;

import io.ledgerline.contracts.json.StrictJson;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Problem;
import io.ledgerline.contracts.problem.Refused;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import java.util.Map;

/**
 * Answers every refusal of the management API as the one problem body of {@code contracts}, with
 * {@code instance} the request path. Scoped to the management controllers: {@code /v1} answers in
 * OpenAI's shape ({@link OpenAiRefusal}) and must never get a problem body.
 */
@RestControllerAdvice(
        basePackages = {
            "io.ledgerline.gateway.partnerkey",
            "io.ledgerline.gateway.customerkey",
            "io.ledgerline.gateway.settings"
        })
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String TOO_LARGE = "the body is larger than the management API reads";

    /**
     * WebFlux matches a path segment without its matrix parameters, so {@code /partners/acme;DROP}
     * would reach a controller as partner {@code acme}. The ids of this API take no parameters:
     * such a segment is refused before any handler runs, by the id rule.
     */
    @ModelAttribute
    void refuseMatrixParameters(ServerWebExchange exchange) {
        if (exchange.getRequest().getPath().value().indexOf(';') < 0) {
            return;
        }
        Map<String, MultiValueMap<String, String>> matrix =
                exchange.getAttribute(HandlerMapping.MATRIX_VARIABLES_ATTRIBUTE);
        var field =
                matrix == null
                        ? null
                        : matrix.entrySet().stream()
                                .filter(e -> !e.getValue().isEmpty())
                                .map(Map.Entry::getKey)
                                .findFirst()
                                .orElse(null);
        throw Refused.field(
                field == null ? CommonRefusal.INVALID_PARAMETER : CommonRefusal.INVALID_ID,
                field,
                "path segments take no ';' parameters");
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<Problem> refused(Refused refused, ServerWebExchange exchange) {
        return answer(refused.problem(), exchange);
    }

    /** The ledger's refusal, passed on with the ledger's own code and status. */
    @ExceptionHandler(RelayedRefusal.class)
    ResponseEntity<Problem> relayed(RelayedRefusal refusal, ServerWebExchange exchange) {
        if (refusal.code() == null) {
            return answer(
                    Problem.of(
                            CommonRefusal.LEDGER_UNAVAILABLE,
                            "the ledger failed; retry with the same commandId"),
                    exchange);
        }
        return answer(
                Problem.relayed(refusal.status(), refusal.code(), refusal.detail()), exchange);
    }

    @ExceptionHandler(MissingRequestValueException.class)
    ResponseEntity<Problem> missing(MissingRequestValueException e, ServerWebExchange exchange) {
        return answer(
                Problem.of(CommonRefusal.INVALID_PARAMETER, e.getName() + " is required")
                        .withField(e.getName()),
                exchange);
    }

    /**
     * A body that cannot be read as the endpoint's JSON, or a parameter of the wrong type. A string
     * that no text column can store is named by its JSON path.
     */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Problem> unreadable(ServerWebInputException e, ServerWebExchange exchange) {
        var parameter = e.getMethodParameter();
        if (parameter != null && !parameter.hasParameterAnnotation(RequestBody.class)) {
            var name = parameter.getParameterName();
            return answer(
                    Problem.of(CommonRefusal.INVALID_PARAMETER, name + " is malformed")
                            .withField(name),
                    exchange);
        }
        Throwable cause = causeOf(e, StrictJson.UnstorableText.class);
        if (cause == null) {
            cause = causeOf(e, JsonMappingException.class);
        }
        return answer(StrictJson.problemOf(cause), exchange);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<Problem> tooLarge(ServerWebExchange exchange) {
        return answer(Problem.of(CommonRefusal.PAYLOAD_TOO_LARGE, TOO_LARGE), exchange);
    }

    /** What WebFlux refuses before a handler runs: too large, wrong media type, wrong method. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Problem> refusedByWebFlux(
            ResponseStatusException e, ServerWebExchange exchange) {
        var problem =
                switch (e.getStatusCode().value()) {
                    case 413 -> Problem.of(CommonRefusal.PAYLOAD_TOO_LARGE, TOO_LARGE);
                    case 415 ->
                            Problem.of(
                                    CommonRefusal.UNSUPPORTED_MEDIA_TYPE, "send application/json");
                    case 405 -> Problem.of(CommonRefusal.METHOD_NOT_ALLOWED, e.getReason());
                    default -> null;
                };
        if (problem == null) {
            return failed(e, exchange);
        }
        return answer(problem, exchange);
    }

    @ExceptionHandler(ArithmeticException.class)
    ResponseEntity<Problem> overflow(ArithmeticException e, ServerWebExchange exchange) {
        log.debug("amount overflow", e);
        return answer(
                Problem.of(
                        Rejection.AMOUNT_OVERFLOW,
                        "the amounts are too large to compute in micro-credits"),
                exchange);
    }

    /** A bug, not a refusal: logged with its stack, answered without it. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> failed(Exception e, ServerWebExchange exchange) {
        log.error("management request {} failed", exchange.getRequest().getPath(), e);
        return answer(
                Problem.of(
                        CommonRefusal.INTERNAL_ERROR,
                        "the gateway failed; retry with the same commandId"),
                exchange);
    }

    private static ResponseEntity<Problem> answer(Problem problem, ServerWebExchange exchange) {
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.withInstance(exchange.getRequest().getPath().value()));
    }

    /** {@code customerBilling.aiCreditPriceCents}, {@code allowedModels[2]}; null at the root. */
    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
