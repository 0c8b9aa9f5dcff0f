package io.ledgerline.billing.plans;

import io.ledgerline.billing.commerce.UsdPrices;
import io.ledgerline.billing.customers.CustomerPartners;
import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Partners' credit plans and which of them each customer may see (R16; seed: "Restrict Credit Plan
 * Visibility"). A customer without a restriction sees every active plan of its partner.
 */
@Service
public class CreditPlans {

    static final int MAX_VISIBLE_PLANS = 100;

    private static final RowMapper<CreditPlan> ROW =
            (rs, i) ->
                    new CreditPlan(
                            rs.getString("plan_id"),
                            rs.getString("partner_id"),
                            rs.getString("name"),
                            rs.getLong("price_usd_cents"),
                            rs.getLong("ai_credits_ucr"),
                            CreditPlan.Status.valueOf(rs.getString("status")),
                            rs.getString("billing_interval") == null
                                    ? null
                                    : CreditPlan.Interval.valueOf(rs.getString("billing_interval")),
                            PlanLimits.of(rs),
                            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;
    private final CustomerPartners customers;
    private final Clock clock;

    CreditPlans(JdbcTemplate jdbc, CustomerPartners customers, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.clock = clock;
    }

    CreditPlan create(String partnerId, NewPlan plan) {
        requireId(partnerId, "partnerId");
        var valid = plan.validated();
        var planId = "plan-" + UUID.randomUUID();
        jdbc.update(
                "INSERT INTO billing.credit_plans (plan_id, partner_id, name, price_usd_cents,"
                        + " ai_credits_ucr, status, billing_interval, created_at, max_voice_minutes,"
                        + " max_chat_messages, max_whatsapp_messages, max_test_runs, max_agents,"
                        + " max_seats) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                planId,
                partnerId,
                valid.name(),
                UsdPrices.requireCents(valid.priceUsdCents(), "priceUsdCents"),
                valid.aiCreditsUcr(),
                CreditPlan.Status.ACTIVE.name(),
                valid.interval() == null ? null : valid.interval().name(),
                Timestamp.from(clock.instant()),
                valid.limits().maxVoiceMinutes(),
                valid.limits().maxChatMessages(),
                valid.limits().maxWhatsappMessages(),
                valid.limits().maxTestRuns(),
                valid.limits().maxAgents(),
                valid.limits().maxSeats());
        return find(planId).orElseThrow();
    }

    List<CreditPlan> ofPartner(String partnerId) {
        requireId(partnerId, "partnerId");
        return jdbc.query(
                "SELECT * FROM billing.credit_plans WHERE partner_id = ? ORDER BY created_at",
                ROW,
                partnerId);
    }

    CreditPlan archive(String partnerId, String planId) {
        var plan = ofPartner(partnerId, planId);
        jdbc.update(
                "UPDATE billing.credit_plans SET status = ? WHERE plan_id = ?",
                CreditPlan.Status.ARCHIVED.name(),
                plan.planId());
        return find(planId).orElseThrow();
    }

    /** Restricts what the customer sees to {@code planIds}; null lifts the restriction. */
    @Transactional
    List<CreditPlan> restrictVisibility(String customerId, List<String> planIds) {
        var partnerId = partnerOf(customerId);
        if (planIds == null) {
            jdbc.update(
                    "DELETE FROM billing.customer_plan_visibility WHERE customer_id = ?",
                    customerId);
            return visibleTo(customerId);
        }
        if (planIds.size() > MAX_VISIBLE_PLANS) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "planIds",
                    "at most " + MAX_VISIBLE_PLANS + " plans");
        }
        var unique = new LinkedHashSet<String>();
        for (var planId : planIds) {
            ofPartner(partnerId, planId);
            unique.add(planId);
        }
        jdbc.update(
                "INSERT INTO billing.customer_plan_visibility (customer_id, plan_ids, updated_at)"
                        + " VALUES (?, ?::text[], ?) ON CONFLICT (customer_id) DO UPDATE"
                        + " SET plan_ids = EXCLUDED.plan_ids, updated_at = EXCLUDED.updated_at",
                customerId,
                "{" + String.join(",", unique) + "}",
                Timestamp.from(clock.instant()));
        return visibleTo(customerId);
    }

    /** The active plans the customer may see and buy, oldest first. */
    public List<CreditPlan> visibleTo(String customerId) {
        var partnerId = partnerOf(customerId);
        return jdbc.query(
                "SELECT p.* FROM billing.credit_plans p WHERE p.partner_id = ? AND p.status ="
                        + " 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM"
                        + " billing.customer_plan_visibility v WHERE v.customer_id = ? AND NOT"
                        + " p.plan_id = ANY (v.plan_ids)) ORDER BY p.created_at",
                ROW,
                partnerId,
                customerId);
    }

    /**
     * The plan the customer may buy: refused when the customer is unknown, the plan is not its
     * partner's, or it is archived or hidden from the customer.
     */
    public CreditPlan purchasable(String customerId, String planId) {
        var partnerId = partnerOf(customerId);
        var plan = ofPartner(partnerId, planId);
        boolean visible =
                visibleTo(customerId).stream().anyMatch(p -> p.planId().equals(plan.planId()));
        if (!visible) {
            throw Refused.field(
                    BillingRefusal.PLAN_NOT_AVAILABLE,
                    "planId",
                    "plan " + planId + " is archived or not visible to customer " + customerId);
        }
        return plan;
    }

    private String partnerOf(String customerId) {
        requireId(customerId, "customerId");
        return customers
                .partnerOf(customerId)
                .orElseThrow(
                        () ->
                                new Refused(
                                        BillingRefusal.CUSTOMER_UNKNOWN,
                                        "billing knows no customer " + customerId));
    }

    private CreditPlan ofPartner(String partnerId, String planId) {
        return find(planId)
                .filter(plan -> plan.partnerId().equals(partnerId))
                .orElseThrow(
                        () ->
                                Refused.field(
                                        BillingRefusal.PLAN_NOT_FOUND,
                                        "planId",
                                        "partner " + partnerId + " has no plan " + planId));
    }

    private Optional<CreditPlan> find(String planId) {
        if (!Ids.isSafe(planId)) {
            return Optional.empty();
        }
        return jdbc
                .query("SELECT * FROM billing.credit_plans WHERE plan_id = ?", ROW, planId)
                .stream()
                .findFirst();
    }

    private static void requireId(String id, String field) {
        if (!Ids.isSafe(id)) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    field,
                    field + " must be 1-64 letters, digits, '.', '_' or '-'");
        }
    }
}
