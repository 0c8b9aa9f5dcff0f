package io.ledgerline.billing.methods;

import io.ledgerline.billing.payments.CardDetails;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

/** A payment method to save: for the built-in provider, a card as typed. */
public record NewMethod(Card card) {

    /** Its {@code toString} masks the number so that no log or error can carry it. */
    public record Card(String number, Integer expMonth, Integer expYear) {

        @Override
        public String toString() {
            return "Card[number=****]";
        }
    }

    CardDetails details() {
        if (card == null) {
            throw Refused.field(CommonRefusal.FIELD_REQUIRED, "card", "card is required");
        }
        return new CardDetails(card.number(), card.expMonth(), card.expYear());
    }
}
