package io.ledgerline.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The one body every Ledgerline API refuses with, as {@code application/problem+json} (RFC 9457):
 * {@code type}, {@code title} and {@code status} follow from the {@code code}; {@code detail} says
 * what was wrong with this request; {@code instance} names the request path; {@code commandId} and
 * {@code field} say which command or which input field, where one applies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "code", "instance", "commandId", "field"})
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        String instance,
        String commandId,
        String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(RefusalCode code, String detail) {
        return new Problem(
                code.type(),
                code.title(),
                code.httpStatus(),
                detail,
                code.name(),
                null,
                null,
                null);
    }

    /**
     * A refusal that another service answered, passed on with its own code and status (the portal
     * shows the ledger's {@code INSUFFICIENT_CREDITS} as the ledger said it).
     */
    public static Problem relayed(int status, String code, String detail) {
        return new Problem(
                RefusalCode.typeOf(code),
                RefusalCode.titleOf(code),
                status,
                detail,
                code,
                null,
                null,
                null);
    }

    public Problem withInstance(String requestPath) {
        return new Problem(type, title, status, detail, code, requestPath, commandId, field);
    }

    public Problem withCommandId(String id) {
        return new Problem(type, title, status, detail, code, instance, id, field);
    }

    public Problem withField(String name) {
        return new Problem(type, title, status, detail, code, instance, commandId, name);
    }
}
