package io.ledgerline.gateway.management;

import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.PartnerTier;
import io.ledgerline.gateway.error.ApiProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of management input; each failure is a 400 problem with its own code. */
public final class KeyValidation {

    static final int MAX_NAME_CHARS = 100;
    static final int MAX_DESCRIPTION_CHARS = 500;
    static final int MAX_MODELS = 50;
    static final int MAX_DOMAINS = 50;
    private static final Pattern DOMAIN =
            Pattern.compile(
                    "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private KeyValidation() {}

    public static String id(String value, String what) {
        if (!Ids.isSafe(value)) {
            throw ApiProblem.badRequest(
                    "INVALID_ID", what + " must be 1-64 letters, digits, " + "'.', '_' or '-'");
        }
        return value;
    }

    public static String name(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_CHARS) {
            throw ApiProblem.badRequest(
                    "INVALID_NAME",
                    "name is required and at most " + MAX_NAME_CHARS + " characters");
        }
        return name.trim();
    }

    public static String description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION_CHARS) {
            throw ApiProblem.badRequest(
                    "INVALID_DESCRIPTION",
                    "description is at most " + MAX_DESCRIPTION_CHARS + " characters");
        }
        return description;
    }

    public static Credits positive(Long ucr, String what) {
        if (ucr == null || ucr <= 0) {
            throw ApiProblem.badRequest("AMOUNT_MUST_BE_POSITIVE", what + " must be positive");
        }
        return Credits.ofMicros(ucr);
    }

    public static long notNegative(Long value, String what) {
        if (value == null) {
            return 0;
        }
        if (value < 0) {
            throw ApiProblem.badRequest("MUST_NOT_BE_NEGATIVE", what + " must not be negative");
        }
        return value;
    }

    /** Models must exist in the catalogue and belong to a band the partner's tier allows. */
    public static Set<String> models(
            List<String> models, ModelCatalogue catalogue, PartnerTier tier) {
        if (models == null || models.isEmpty() || models.size() > MAX_MODELS) {
            throw ApiProblem.badRequest(
                    "INVALID_MODELS", "allowedModels needs 1-" + MAX_MODELS + " models");
        }
        var allowed = new LinkedHashSet<String>();
        for (var model : models) {
            var price =
                    catalogue
                            .find(model)
                            .orElseThrow(
                                    () ->
                                            ApiProblem.badRequest(
                                                    "MODEL_NOT_FOUND", "unknown model: " + model));
            if (!tier.allows(price.tier())) {
                throw ApiProblem.badRequest(
                        "MODEL_NOT_IN_TIER",
                        "model "
                                + model
                                + " is "
                                + price.tier()
                                + ", not available to tier "
                                + tier);
            }
            allowed.add(model);
        }
        return allowed;
    }

    public static List<String> domains(List<String> domains) {
        if (domains == null) {
            return List.of();
        }
        if (domains.size() > MAX_DOMAINS) {
            throw ApiProblem.badRequest("INVALID_DOMAINS", "at most " + MAX_DOMAINS + " domains");
        }
        var clean = new ArrayList<String>();
        for (var domain : domains) {
            var lower = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(lower).matches()) {
                throw ApiProblem.badRequest("INVALID_DOMAINS", "not a domain name: " + domain);
            }
            clean.add(lower);
        }
        return List.copyOf(clean);
    }

    public static Credits aiCreditPrice(String cents) {
        try {
            var price = Credits.parse(cents == null ? "" : cents);
            if (!price.isPositive()) {
                throw new IllegalArgumentException("not positive");
            }
            return price;
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(
                    "INVALID_AI_CREDIT_PRICE",
                    "aiCreditPriceCents must be a positive decimal number of US cents");
        }
    }

    public static Instant expiry(Instant expiresAt, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ApiProblem.badRequest("EXPIRY_IN_PAST", "expiresAt must be in the future");
        }
        return expiresAt;
    }
}
