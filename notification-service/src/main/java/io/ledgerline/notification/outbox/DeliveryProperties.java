package io.ledgerline.notification.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox is drained: each failed attempt waits {@code initialBackoffMs} doubled per attempt
 * up to {@code maxBackoffMs}, with jitter, until {@code retryWindowMs} after the delivery was
 * queued; then it is marked failed. {@code senders} deliveries are sent at a time.
 */
@ConfigurationProperties("ledgerline.notification.delivery")
record DeliveryProperties(
        long pollMs,
        int batchSize,
        int senders,
        long leaseMs,
        long initialBackoffMs,
        long maxBackoffMs,
        long retryWindowMs) {}
