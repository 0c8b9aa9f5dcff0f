package io.ledgerline.billing.payments;

/**
 * A card as a customer typed it, on its way to the provider. Its {@code toString} masks the number
 * so that no log or error can carry it.
 */
public record CardDetails(String number, Integer expMonth, Integer expYear) {

    @Override
    public String toString() {
        return "CardDetails[number=****, expMonth=" + expMonth + ", expYear=" + expYear + "]";
    }
}
