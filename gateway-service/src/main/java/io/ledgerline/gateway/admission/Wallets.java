package io.ledgerline.gateway.admission;

import io.ledgerline.gateway.projection.LedgerProjection;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One AI-credit pot per customer, shared by all of that customer's self-service keys. */
@Component
public class Wallets {

    private final LedgerProjection projection;
    private final Map<String, Pot> byCustomer = new ConcurrentHashMap<>();

    public Wallets(LedgerProjection projection) {
        this.projection = projection;
    }

    public Pot of(String customerId) {
        return byCustomer.computeIfAbsent(
                customerId, id -> new Pot(null, () -> projection.customerAiBalance(id)));
    }
}
