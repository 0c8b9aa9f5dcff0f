package io.ledgerline.billing.entitlements;

import io.ledgerline.billing.plans.PlanLimits;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A workspace's limits and billing period: those of its newest live subscription's plan, else no
 * limits over the calendar month (UTC).
 */
@Component
class WorkspacePlan {

    record Terms(PlanLimits limits, Instant periodStart, Instant periodEnd, boolean pastDue) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    WorkspacePlan(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Terms of(String customerId) {
        return jdbc
                .query(
                        "SELECT p.*, s.status AS subscription_status, s.current_period_start,"
                                + " s.current_period_end FROM billing.subscriptions s JOIN"
                                + " billing.credit_plans p ON p.plan_id = s.plan_id WHERE s.owner ="
                                + " ? AND s.status <> 'CANCELED' ORDER BY s.created_at DESC LIMIT 1",
                        (row, n) ->
                                new Terms(
                                        PlanLimits.of(row),
                                        row.getTimestamp("current_period_start").toInstant(),
                                        row.getTimestamp("current_period_end").toInstant(),
                                        "PAST_DUE".equals(row.getString("subscription_status"))),
                        "customer:" + customerId)
                .stream()
                .findFirst()
                .orElseGet(this::calendarMonth);
    }

    private Terms calendarMonth() {
        var month =
                clock.instant()
                        .atZone(ZoneOffset.UTC)
                        .withDayOfMonth(1)
                        .toLocalDate()
                        .atStartOfDay(ZoneOffset.UTC);
        return new Terms(
                PlanLimits.NONE, month.toInstant(), month.plusMonths(1).toInstant(), false);
    }
}
