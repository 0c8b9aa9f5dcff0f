package io.ledgerline.portal.billing;

import io.ledgerline.contracts.ledger.Ids;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.problem.RequestFields;

import java.util.regex.Pattern;

/**
 * The checks billing's request fields get in the portal, so a malformed id or amount is refused
 * here with its field named, before anything reaches billing.
 */
final class BillingFields {

    /** Billing's own ceiling for one price: 1,000,000.00 USD. */
    static final long MAX_PRICE_CENTS = 100_000_000L;

    /** One Quick Buy: from 1.00 USD (100 platform credits) to 10,000.00 USD. */
    static final long MIN_QUICK_BUY_CENTS = 100L;

    static final long MAX_QUICK_BUY_CENTS = 1_000_000L;

    /** 1,000,000,000 AI credits, billing's ceiling for one plan. */
    static final Credits MAX_PLAN_CREDITS = Credits.ofCredits(1_000_000_000L);

    static final int MAX_PLAN_NAME_CHARS = 100;

    private static final Pattern CARD_NUMBER = Pattern.compile("[0-9 -]{12,23}");

    private BillingFields() {}

    /** An id billing gave (plan, invoice, method, subscription). */
    static String id(String field, String value) {
        RequestFields.required(field, value);
        if (!Ids.isSafe(value)) {
            throw Refused.field(
                    CommonRefusal.INVALID_ID,
                    field,
                    field + " must be 1-64 letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    /** An optional id: null means "the default payment method". */
    static String optionalId(String field, String value) {
        return value == null ? null : id(field, value);
    }

    static long cents(String field, Long value, long min, long max) {
        RequestFields.required(field, value);
        if (value < min || value > max) {
            throw Refused.field(
                    BillingRefusal.INVALID_PRICE,
                    field,
                    field + " must be between " + min + " and " + max + " cents");
        }
        return value;
    }

    static Credits planCredits(Credits value) {
        RequestFields.required("aiCreditsUcr", value);
        if (!value.isPositive() || value.compareTo(MAX_PLAN_CREDITS) > 0) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "aiCreditsUcr",
                    "aiCreditsUcr must be above zero and at most 1,000,000,000 credits");
        }
        return value;
    }

    static String cardNumber(String value) {
        RequestFields.required("card.number", value);
        if (!CARD_NUMBER.matcher(value).matches()) {
            throw Refused.field(
                    BillingRefusal.INVALID_CARD,
                    "card.number",
                    "a card number is 12-19 digits, spaces or dashes allowed");
        }
        return value;
    }
}
