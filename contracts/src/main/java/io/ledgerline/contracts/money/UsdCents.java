package io.ledgerline.contracts.money;

/** Platform credits are sold at 100 credits = 1.00 USD, so one cent buys exactly one credit. */
public final class UsdCents {

    public static final long CREDITS_PER_CENT = 1;

    private UsdCents() {}

    public static Credits toPlatformCredits(long cents) {
        if (cents < 0) {
            throw new IllegalArgumentException("cents must not be negative: " + cents);
        }
        return Credits.ofCredits(Math.multiplyExact(cents, CREDITS_PER_CENT));
    }
}
