package io.ledgerline.billing.rating;

import io.ledgerline.contracts.money.Credits;

/**
 * One use in credits: what it cost the platform (platform credits) and, when a customer is billed,
 * what the customer pays in AI credits ({@code null} when nobody is billed on).
 */
public record RatedUsage(Credits platformCostUcr, Credits customerChargeUcr) {

    public boolean billsCustomer() {
        return customerChargeUcr != null;
    }
}
