package io.ledgerline.contracts.rating;

import io.ledgerline.contracts.money.Credits;

import java.util.Objects;

/**
 * What one model costs the platform, in platform credits per million tokens (1 credit = 1 US cent,
 * so OpenAI's "$0.15 per 1M input tokens" is {@code 15} credits).
 */
public record ModelPrice(
        String model, Tier tier, Credits inputPerMillionUcr, Credits outputPerMillionUcr) {

    public ModelPrice {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(inputPerMillionUcr, "inputPerMillionUcr");
        Objects.requireNonNull(outputPerMillionUcr, "outputPerMillionUcr");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model name is required");
        }
        if (inputPerMillionUcr.isNegative() || outputPerMillionUcr.isNegative()) {
            throw new IllegalArgumentException("prices must not be negative: " + model);
        }
    }
}
