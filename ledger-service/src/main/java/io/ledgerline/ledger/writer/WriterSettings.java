package io.ledgerline.ledger.writer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the command writer: how many partitions (threads) write, how many commands one durable
 * append may carry, and how many may wait.
 */
@ConfigurationProperties("ledgerline.writer")
public record WriterSettings(int partitions, int maxBatchSize, int queueCapacity) {

    /** Whole-batch attempts when an append conflicts with another instance's. */
    static final int MAX_BATCH_ATTEMPTS = 3;

    static final int MAX_RETRIES = 10;
    static final int RETRY_BACKOFF_STEP_MS = 5;

    public WriterSettings {
        if (partitions < 1 || maxBatchSize < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("writer settings must be positive");
        }
    }
}
