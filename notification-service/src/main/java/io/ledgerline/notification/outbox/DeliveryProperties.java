package io.ledgerline.notification.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox is drained: each failed attempt waits {@code initialBackoffMs} doubled per attempt
 * up to {@code maxBackoffMs}, with jitter, until {@code retryWindowMs} after the delivery was
 * queued; then it is marked failed.
 */
@ConfigurationProperties("ledgerline.notification.delivery")
record DeliveryProperties(
        long pollMs,
        int batchSize,
        long leaseMs,
        long initialBackoffMs,
        long maxBackoffMs,
        long retryWindowMs) {}
