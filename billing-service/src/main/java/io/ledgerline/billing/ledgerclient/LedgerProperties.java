package io.ledgerline.billing.ledgerclient;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("ledgerline.ledger")
public record LedgerProperties(String url, long connectTimeoutMs, long readTimeoutMs) {}
