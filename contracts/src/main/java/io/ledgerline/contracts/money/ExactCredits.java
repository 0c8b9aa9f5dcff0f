package io.ledgerline.contracts.money;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A charge while it is still being computed: an exact fraction of micro-credits. Rating adds and
 * multiplies these without losing anything and calls {@link #roundUp()} once, at the end. That
 * method is the only place in Ledgerline where a fraction of a micro-credit becomes a whole one.
 */
public final class ExactCredits {

    public static final ExactCredits ZERO = new ExactCredits(BigInteger.ZERO, BigInteger.ONE);

    private final BigInteger numeratorUcr;
    private final BigInteger denominator;

    private ExactCredits(BigInteger numeratorUcr, BigInteger denominator) {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive: " + denominator);
        }
        var gcd = numeratorUcr.gcd(denominator);
        if (gcd.signum() == 0 || gcd.equals(BigInteger.ONE)) {
            this.numeratorUcr = numeratorUcr;
            this.denominator = denominator;
        } else {
            this.numeratorUcr = numeratorUcr.divide(gcd);
            this.denominator = denominator.divide(gcd);
        }
    }

    public static ExactCredits of(Credits credits) {
        return new ExactCredits(BigInteger.valueOf(credits.ucr()), BigInteger.ONE);
    }

    /** {@code quantity × unitPrice / per}, e.g. tokens × price-per-million / 1,000,000. */
    public static ExactCredits perUnit(long quantity, Credits unitPrice, long per) {
        return new ExactCredits(
                BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(unitPrice.ucr())),
                BigInteger.valueOf(per));
    }

    public ExactCredits plus(ExactCredits other) {
        return new ExactCredits(
                numeratorUcr
                        .multiply(other.denominator)
                        .add(other.numeratorUcr.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    /**
     * Multiplies by the ratio {@code numerator / denominator}, e.g. a profit multiplier 150/100.
     */
    public ExactCredits times(long numerator, long denominator) {
        return new ExactCredits(
                numeratorUcr.multiply(BigInteger.valueOf(numerator)),
                this.denominator.multiply(BigInteger.valueOf(denominator)));
    }

    public ExactCredits max(ExactCredits other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public int compareTo(ExactCredits other) {
        return numeratorUcr
                .multiply(other.denominator)
                .compareTo(other.numeratorUcr.multiply(denominator));
    }

    /** The one rounding rule: up (towards positive infinity) to the next whole micro-credit. */
    public Credits roundUp() {
        var quotientAndRemainder = numeratorUcr.divideAndRemainder(denominator);
        var quotient = quotientAndRemainder[0];
        if (quotientAndRemainder[1].signum() > 0) {
            quotient = quotient.add(BigInteger.ONE);
        }
        return Credits.ofMicros(quotient.longValueExact());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExactCredits other
                && numeratorUcr.equals(other.numeratorUcr)
                && denominator.equals(other.denominator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numeratorUcr, denominator);
    }

    @Override
    public String toString() {
        return numeratorUcr + "/" + denominator + " µcr";
    }
}
