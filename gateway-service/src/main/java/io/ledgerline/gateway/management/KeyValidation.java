package io.ledgerline.gateway.management;

import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.ledger.Texts;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.GatewayRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.PartnerTier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of management input; each failure is a {@link Refused} with its code from {@code
 * contracts} and, where one field is at fault, that field's name.
 */
public final class KeyValidation {

    static final int MAX_NAME_CODE_POINTS = 100;
    static final int MAX_DESCRIPTION_CODE_POINTS = Texts.MAX_TEXT_LENGTH;
    static final int MAX_MODELS = 50;
    static final int MAX_DOMAINS = 50;

    /** Longer than any decimal price in cents the gateway stores ("12345.678901"). */
    static final int MAX_PRICE_CHARS = 32;

    /** The furthest a key's expiry may lie ahead; a database timestamp ends long before a long. */
    static final java.time.Duration MAX_EXPIRY_AHEAD = java.time.Duration.ofDays(10 * 366);

    /** $1bn: auto top-up terms in US cents above this overflow micro-credits when converted. */
    static final long MAX_USD_CENTS = 100_000_000_000L;

    /** How much of a refused value a problem's detail repeats. */
    private static final int MAX_SHOWN_CODE_POINTS = 64;

    private static final Pattern DOMAIN =
            Pattern.compile(
                    "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private KeyValidation() {}

    /** The id rule of {@link Ids}; a missing id is {@code FIELD_REQUIRED}. */
    public static String id(String value, String field) {
        required(value, field);
        if (!Ids.isSafe(value)) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    field,
                    field
                            + " must be 1-"
                            + Ids.MAX_ID_LENGTH
                            + " letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    public static String name(String name) {
        required(name, "name");
        if (name.isBlank()) {
            throw Refused.field(CommonRefusal.INVALID_TEXT, "name", "name must not be blank");
        }
        return text(name, "name", MAX_NAME_CODE_POINTS).trim();
    }

    public static String description(String description) {
        return text(description, "description", MAX_DESCRIPTION_CODE_POINTS);
    }

    /** The text rule of {@link Texts}, with the field's own limit; {@code null} passes. */
    public static String text(String value, String field, int maxCodePoints) {
        var normalised = Texts.normalised(value);
        Texts.problem(normalised, maxCodePoints)
                .ifPresent(
                        problem -> {
                            throw Refused.field(
                                    CommonRefusal.INVALID_TEXT, field, field + ": " + problem);
                        });
        return normalised;
    }

    public static Credits positive(Long ucr, String field) {
        required(ucr, field);
        if (ucr <= 0) {
            throw Refused.field(
                    Rejection.AMOUNT_MUST_BE_POSITIVE, field, field + " must be positive");
        }
        return Credits.ofMicros(ucr);
    }

    public static long notNegative(Long value, String field) {
        if (value == null) {
            return 0;
        }
        if (value < 0) {
            throw Refused.field(CommonRefusal.OUT_OF_RANGE, field, field + " must not be negative");
        }
        return value;
    }

    /** A sum in US cents that converts to platform micro-credits without overflow. */
    public static long usdCents(Long value, String field) {
        var cents = notNegative(value, field);
        if (cents > MAX_USD_CENTS) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE, field, field + " must be at most " + MAX_USD_CENTS);
        }
        return cents;
    }

    /** Models must exist in the catalogue and belong to a band the partner's tier allows. */
    public static Set<String> models(
            List<String> models, ModelCatalogue catalogue, PartnerTier tier) {
        if (models == null || models.isEmpty() || models.size() > MAX_MODELS) {
            throw Refused.field(
                    GatewayRefusal.INVALID_MODELS,
                    "allowedModels",
                    "allowedModels needs 1-" + MAX_MODELS + " models");
        }
        var allowed = new LinkedHashSet<String>();
        for (var model : models) {
            var price =
                    catalogue.find(model).orElseThrow(() -> unknownModel(model, "allowedModels"));
            if (!tier.allows(price.tier())) {
                throw Refused.field(
                        GatewayRefusal.MODEL_NOT_IN_TIER,
                        "allowedModels",
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

    public static Refused unknownModel(String model, String field) {
        return Refused.field(
                CommonRefusal.MODEL_NOT_FOUND, field, "unknown model: " + shown(model));
    }

    public static List<String> domains(List<String> domains) {
        if (domains == null) {
            return List.of();
        }
        if (domains.size() > MAX_DOMAINS) {
            throw Refused.field(
                    GatewayRefusal.INVALID_DOMAINS,
                    "allowedDomains",
                    "at most " + MAX_DOMAINS + " domains");
        }
        var clean = new ArrayList<String>();
        for (var domain : domains) {
            var lower = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(lower).matches()) {
                throw Refused.field(
                        GatewayRefusal.INVALID_DOMAINS,
                        "allowedDomains",
                        "not a domain name: " + shown(domain));
            }
            clean.add(lower);
        }
        return List.copyOf(clean);
    }

    public static Credits aiCreditPrice(String cents, String field) {
        required(cents, field);
        try {
            if (cents.length() > MAX_PRICE_CHARS) {
                throw new IllegalArgumentException("too long");
            }
            var price = Credits.parse(cents);
            if (!price.isPositive()) {
                throw new IllegalArgumentException("not positive");
            }
            return price;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    field,
                    field + " must be a positive decimal number of US cents");
        }
    }

    public static Instant expiry(Instant expiresAt, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw Refused.field(
                    GatewayRefusal.EXPIRY_IN_PAST, "expiresAt", "expiresAt must be in the future");
        }
        if (expiresAt != null && expiresAt.isAfter(now.plus(MAX_EXPIRY_AHEAD))) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "expiresAt",
                    "expiresAt must be at most ten years ahead");
        }
        return expiresAt;
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, field, field + " is required");
        }
        return value;
    }

    /**
     * A refused value as a detail may repeat it: short, and only when it is harmless text; a detail
     * is read by people, and hostile input must not reach them through it.
     */
    static String shown(String value) {
        if (value == null) {
            return "null";
        }
        return Texts.problem(value, MAX_SHOWN_CODE_POINTS).isEmpty()
                ? "'" + value + "'"
                : "(a value not shown)";
    }
}
