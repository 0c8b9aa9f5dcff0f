package io.ledgerline.billing.commerce;

import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import java.math.BigDecimal;

/**
 * Prices are whole USD cents. They are read as exact decimals so that a fraction of a cent is
 * refused as such rather than rounded away.
 */
public final class UsdPrices {

    /** The largest price billing sells anything for: 1,000,000.00 USD. */
    public static final long MAX_CENTS = 100_000_000L;

    private UsdPrices() {}

    public static long requireCents(BigDecimal cents, String field) {
        if (cents == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, field, field + " is required");
        }
        if (cents.signum() <= 0) {
            throw Refused.field(BillingRefusal.INVALID_PRICE, field, field + " must be positive");
        }
        if (cents.stripTrailingZeros().scale() > 0) {
            throw Refused.field(
                    BillingRefusal.INVALID_PRICE, field, field + " must be whole cents");
        }
        if (cents.compareTo(BigDecimal.valueOf(MAX_CENTS)) > 0) {
            throw Refused.field(
                    BillingRefusal.INVALID_PRICE, field, field + " must be at most " + MAX_CENTS);
        }
        return cents.longValueExact();
    }

    /** {@code 6000} → {@code "60.00"}. */
    public static String dollars(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
