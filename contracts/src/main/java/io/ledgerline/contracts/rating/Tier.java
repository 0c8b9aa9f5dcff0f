package io.ledgerline.contracts.rating;

/** The price band a model belongs to; partner tiers unlock bands (R10). */
public enum Tier {
    BUDGET,
    MID,
    PREMIUM
}
