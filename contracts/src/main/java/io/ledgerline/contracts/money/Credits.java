package io.ledgerline.contracts.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of credits as whole micro-credits (1 credit = 1,000,000 µcr). Every operation checks
 * for overflow; there is no floating point anywhere in this type. Fractions appear only inside
 * {@link ExactCredits} and become a {@code Credits} through its single rounding rule.
 */
public record Credits(long ucr) implements Comparable<Credits> {

    public static final long UCR_PER_CREDIT = 1_000_000L;
    public static final Credits ZERO = new Credits(0);

    @JsonCreator
    public static Credits ofMicros(long ucr) {
        return new Credits(ucr);
    }

    public static Credits ofCredits(long credits) {
        return new Credits(Math.multiplyExact(credits, UCR_PER_CREDIT));
    }

    /**
     * Parses a decimal credit figure such as {@code "12.5"} exactly; more than 6 decimals is an
     * error.
     */
    public static Credits parse(String decimalCredits) {
        var value = new java.math.BigDecimal(decimalCredits.trim());
        var micros = value.movePointRight(6);
        try {
            return new Credits(micros.longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "not a whole number of micro-credits or out of range: " + decimalCredits, e);
        }
    }

    @JsonValue
    public long ucr() {
        return ucr;
    }

    public Credits plus(Credits other) {
        return new Credits(Math.addExact(ucr, other.ucr));
    }

    public Credits minus(Credits other) {
        return new Credits(Math.subtractExact(ucr, other.ucr));
    }

    public Credits negate() {
        return new Credits(Math.negateExact(ucr));
    }

    public Credits times(long factor) {
        return new Credits(Math.multiplyExact(ucr, factor));
    }

    public boolean isPositive() {
        return ucr > 0;
    }

    public boolean isNegative() {
        return ucr < 0;
    }

    public boolean isZero() {
        return ucr == 0;
    }

    public boolean isLessThan(Credits other) {
        return ucr < other.ucr;
    }

    public boolean isGreaterThan(Credits other) {
        return ucr > other.ucr;
    }

    public static Credits min(Credits a, Credits b) {
        return a.ucr <= b.ucr ? a : b;
    }

    public static Credits max(Credits a, Credits b) {
        return a.ucr >= b.ucr ? a : b;
    }

    @Override
    public int compareTo(Credits other) {
        return Long.compare(ucr, other.ucr);
    }

    /** Decimal credits with all six places, e.g. {@code 12.500000}; for display and CSV. */
    public String toDecimalString() {
        return java.math.BigDecimal.valueOf(ucr, 6).toPlainString();
    }

    @Override
    public String toString() {
        return toDecimalString() + " cr";
    }
}
