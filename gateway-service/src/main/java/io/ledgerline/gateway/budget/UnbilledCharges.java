package io.ledgerline.gateway.budget;

import io.ledgerline.contracts.money.Credits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Charges this gateway made that the ledger has not shown yet, by request id (the usage id the
 * ledger's charge event carries). They keep counting against a key until the projection sees the
 * charge, so a key cannot spend the same credits twice while billing catches up.
 */
public class UnbilledCharges {

    private record Charge(Pot pot, Credits amount) {}

    private final Map<String, Charge> byRequestId = new ConcurrentHashMap<>();

    void add(String requestId, Pot pot, Credits amount) {
        byRequestId.put(requestId, new Charge(pot, amount));
    }

    /** A charge made outside a request, such as a key's platform fee settled at creation. */
    public void chargedOutsideRequest(String usageId, Pot pot, Credits amount) {
        pot.settle(Credits.ZERO, amount);
        add(usageId, pot, amount);
    }

    /** The ledger charged {@code usageId}; a redelivered or unknown id changes nothing. */
    public void billed(String usageId) {
        var charge = byRequestId.remove(usageId);
        if (charge != null) {
            charge.pot().billed(charge.amount());
        }
    }

    public int size() {
        return byRequestId.size();
    }
}
