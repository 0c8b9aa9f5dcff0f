package io.ledgerline.ledger.api;

import io.ledgerline.websecurity.edge.BodyLimits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every body may hold 1 MiB, a batch of up to 1,000 commands (each with a 500-character text) 4.
 */
@Configuration(proxyBeanMethods = false)
class LedgerBodyLimits {

    static final String BATCHES = "/api/v1/batches";

    @Bean
    BodyLimits bodyLimits(
            @Value("${ledgerline.http.max-body-bytes:1048576}") long maxBytes,
            @Value("${ledgerline.http.max-batch-body-bytes:4194304}") long maxBatchBytes) {
        return BodyLimits.of(maxBytes).with(BATCHES, maxBatchBytes);
    }
}
