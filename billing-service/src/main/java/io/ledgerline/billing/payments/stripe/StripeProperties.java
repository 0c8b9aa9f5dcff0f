package io.ledgerline.billing.payments.stripe;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Stripe's secret API key and the signing secret of billing's webhook endpoint at Stripe. */
@ConfigurationProperties("ledgerline.billing.stripe")
public record StripeProperties(String apiKey, String webhookSecret) {}
