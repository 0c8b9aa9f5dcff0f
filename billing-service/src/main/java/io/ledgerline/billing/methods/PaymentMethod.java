package io.ledgerline.billing.methods;

import java.time.Instant;

/** A saved payment method as the portal shows it (R17). */
public record PaymentMethod(
        String methodId,
        String brand,
        String last4,
        int expMonth,
        int expYear,
        boolean isDefault,
        Instant createdAt) {}
