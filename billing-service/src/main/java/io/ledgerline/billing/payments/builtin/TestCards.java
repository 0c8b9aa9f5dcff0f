package io.ledgerline.billing.payments.builtin;

import io.ledgerline.billing.payments.CardDetails;
import io.ledgerline.billing.payments.PaymentOutcome;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.Refused;

import java.time.YearMonth;
import java.util.Map;

/**
 * The card numbers of Stripe's test mode decide what a payment does, so every path can be taken on
 * one machine: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined, 4000 0000 0000 9995
 * has insufficient funds, 4000 0000 0000 0119 fails with a processing error (retry). Any other
 * valid number succeeds.
 */
final class TestCards {

    static final Map<String, PaymentOutcome> OUTCOMES =
            Map.of(
                    "4000000000000002", PaymentOutcome.CARD_DECLINED,
                    "4000000000009995", PaymentOutcome.INSUFFICIENT_FUNDS,
                    "4000000000000119", PaymentOutcome.PROCESSING_ERROR);

    /** What the provider keeps of a card: never its number. */
    record Card(String brand, String last4, int expMonth, int expYear, PaymentOutcome behaviour) {}

    private TestCards() {}

    static Card read(CardDetails details, YearMonth now) {
        if (details == null || details.number() == null) {
            throw Refused.field(
                    BillingRefusal.INVALID_CARD, "card.number", "a card number is needed");
        }
        var digits = details.number().replace(" ", "").replace("-", "");
        if (!digits.matches("[0-9]{12,19}") || !passesLuhn(digits)) {
            throw Refused.field(
                    BillingRefusal.INVALID_CARD,
                    "card.number",
                    "not a card number: 12-19 digits with a valid check digit");
        }
        if (details.expMonth() == null
                || details.expYear() == null
                || details.expMonth() < 1
                || details.expMonth() > 12) {
            throw Refused.field(
                    BillingRefusal.INVALID_CARD,
                    "card.expMonth",
                    "expMonth 1-12 and expYear needed");
        }
        if (YearMonth.of(details.expYear(), details.expMonth()).isBefore(now)) {
            throw Refused.field(
                    BillingRefusal.INVALID_CARD, "card.expYear", "the card has expired");
        }
        return new Card(
                brandOf(digits),
                digits.substring(digits.length() - 4),
                details.expMonth(),
                details.expYear(),
                OUTCOMES.getOrDefault(digits, PaymentOutcome.SUCCEEDED));
    }

    static String brandOf(String digits) {
        if (digits.startsWith("4")) {
            return "visa";
        }
        if (digits.startsWith("34") || digits.startsWith("37")) {
            return "amex";
        }
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return "mastercard";
        }
        if (digits.startsWith("6011") || digits.startsWith("65")) {
            return "discover";
        }
        return "unknown";
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
