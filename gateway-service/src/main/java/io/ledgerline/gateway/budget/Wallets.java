package io.ledgerline.gateway.budget;

import io.ledgerline.gateway.projection.LedgerProjection;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One AI-credit pot per customer, shared by all of that customer's self-service keys. */
@Component
public class Wallets {

    private final LedgerProjection projection;
    private final int instances;
    private final Map<String, Pot> byCustomer = new ConcurrentHashMap<>();

    public Wallets(LedgerProjection projection, InstanceShare share) {
        this.projection = projection;
        this.instances = share.instances();
    }

    public Pot of(String customerId) {
        return byCustomer.computeIfAbsent(
                customerId, id -> new Pot(null, () -> projection.customerAiBalance(id), instances));
    }
}
