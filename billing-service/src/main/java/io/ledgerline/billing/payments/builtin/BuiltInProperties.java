package io.ledgerline.billing.payments.builtin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param webhookSecret the secret events are signed with; made up per run when blank
 * @param webhookUrl where events are delivered; blank for billing's own endpoint on its port
 * @param deliveryIntervalMs how often due events are delivered
 */
@ConfigurationProperties("ledgerline.billing.payments.builtin")
record BuiltInProperties(String webhookSecret, String webhookUrl, long deliveryIntervalMs) {}
