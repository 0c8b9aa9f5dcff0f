package io.ledgerline.portal.audit;

import io.ledgerline.contracts.ledger.Texts;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** The reader's filters, checked: an actor, an action, a period {@code [from, to)}. */
record AuditFilter(String actor, AuditAction action, Instant from, Instant to) {

    static final int MAX_ACTOR_CHARS = 300;

    static AuditFilter of(String actor, String action, String from, String to) {
        var filter =
                new AuditFilter(
                        actor(actor), action(action), instant("from", from), instant("to", to));
        if (filter.from != null && filter.to != null && !filter.from.isBefore(filter.to)) {
            throw Refused.field(CommonRefusal.INVALID_PARAMETER, "to", "to must be after from");
        }
        return filter;
    }

    private static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            return null;
        }
        if (Texts.problem(actor, MAX_ACTOR_CHARS).isPresent()) {
            throw Refused.field(CommonRefusal.INVALID_PARAMETER, "actor", "not an actor");
        }
        return actor.trim().toLowerCase(Locale.ROOT);
    }

    private static AuditAction action(String action) {
        if (action == null || action.isBlank()) {
            return null;
        }
        return Arrays.stream(AuditAction.values())
                .filter(a -> a.name().equals(action.trim().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(
                        () ->
                                Refused.field(
                                        CommonRefusal.INVALID_PARAMETER,
                                        "action",
                                        "one of " + Arrays.toString(AuditAction.values())));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Refused.field(
                    CommonRefusal.INVALID_PARAMETER, field, field + " is an ISO-8601 instant");
        }
    }
}
