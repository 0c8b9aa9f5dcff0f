package io.ledgerline.portal.partnerkeys;

import io.ledgerline.contracts.ledger.Texts;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.GatewayRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.problem.RequestFields;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The partner key forms as the SPA sends them, and the shape checks the portal makes before a
 * request travels on (the gateway decides the business: tier, domain names, expiry). Amounts are
 * micro-credits; auto top-up is in US cents.
 */
final class PartnerKeyRequests {

    static final int MAX_NAME_CHARS = 100;
    static final int MAX_DESCRIPTION_CHARS = Texts.MAX_TEXT_LENGTH;
    static final int MAX_MODELS = 50;
    static final int MAX_DOMAINS = 50;
    static final int MAX_DOMAIN_CHARS = 253;
    static final int MAX_MODEL_CHARS = 128;
    static final long MAX_MULTIPLIER_PERCENT = 100_000;
    static final long MAX_USD_CENTS = 100_000_000_000L;
    static final long MAX_TOKENS = 1_000_000_000_000L;

    /** "1.5" cents per AI credit: what the gateway parses, without exponent or sign. */
    private static final Pattern CENTS = Pattern.compile("\\d{1,9}(\\.\\d{1,6})?");

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private PartnerKeyRequests() {}

    record CreateKey(
            String commandId,
            String name,
            String description,
            Credits budgetUcr,
            List<String> allowedModels,
            CustomerBilling customerBilling,
            AutoTopUp autoTopUp,
            List<String> allowedDomains,
            Integer requestsPerMinute,
            Long tokensPerMinute,
            Instant expiresAt) {}

    /** {@code accountId} is the portal's customer account id, e.g. {@code customer:bistro}. */
    record CustomerBilling(
            String accountId,
            Long profitMultiplierPercent,
            String aiCreditPriceCents,
            Long minCostFloorPerMillionTokensUcr) {}

    record AutoTopUp(Long thresholdUsdCents, Long amountUsdCents) {}

    record TopUp(String commandId, Credits amountUcr) {}

    record KeyCommand(String commandId) {}

    record BudgetQuestion(Credits budgetUcr) {}

    record BillingQuestion(
            String model,
            Long tokensIn,
            Long tokensOut,
            Long profitMultiplierPercent,
            String aiCreditPriceCents,
            Long minCostFloorPerMillionTokensUcr) {}

    static String keyId(String keyId) {
        if (!KEY_ID.matcher(keyId).matches()) {
            throw Refused.field(CommonRefusal.INVALID_ID, "keyId", "not a key id");
        }
        return keyId;
    }

    static Credits positive(String field, Credits amount) {
        if (!RequestFields.required(field, amount).isPositive()) {
            throw Refused.field(CommonRefusal.OUT_OF_RANGE, field, field + " must be above zero");
        }
        return amount;
    }

    static String description(String description) {
        return description == null || description.isBlank()
                ? null
                : RequestFields.text("description", description, MAX_DESCRIPTION_CHARS);
    }

    static List<String> models(List<String> models) {
        if (models == null
                || models.isEmpty()
                || models.size() > MAX_MODELS
                || models.stream().anyMatch(PartnerKeyRequests::notAText)) {
            throw Refused.field(
                    GatewayRefusal.INVALID_MODELS,
                    "allowedModels",
                    "choose 1-" + MAX_MODELS + " models");
        }
        return List.copyOf(models);
    }

    static List<String> domains(List<String> domains) {
        if (domains == null) {
            return List.of();
        }
        if (domains.size() > MAX_DOMAINS
                || domains.stream()
                        .anyMatch(
                                d -> d == null || Texts.problem(d, MAX_DOMAIN_CHARS).isPresent())) {
            throw Refused.field(
                    GatewayRefusal.INVALID_DOMAINS,
                    "allowedDomains",
                    "at most " + MAX_DOMAINS + " domain names");
        }
        return List.copyOf(domains);
    }

    static String model(String model) {
        if (notAText(model)) {
            throw Refused.field(CommonRefusal.MODEL_NOT_FOUND, "model", "choose a model");
        }
        return model;
    }

    static String cents(String field, String cents) {
        if (cents == null) {
            return null;
        }
        if (!CENTS.matcher(cents).matches() || cents.chars().allMatch(c -> c == '0' || c == '.')) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    field,
                    field + " must be a positive number of cents");
        }
        return cents;
    }

    /** {@code null} stays null: the gateway's default applies. */
    static Long within(String field, Long value, long max) {
        if (value != null && (value < 0 || value > max)) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE, field, field + " must be between 0 and " + max);
        }
        return value;
    }

    static Integer within(String field, Integer value, int max) {
        return value == null ? null : (int) (long) within(field, (long) value, max);
    }

    private static boolean notAText(String value) {
        return value == null
                || value.isBlank()
                || Texts.problem(value, MAX_MODEL_CHARS).isPresent();
    }
}
