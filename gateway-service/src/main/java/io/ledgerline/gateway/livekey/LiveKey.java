package io.ledgerline.gateway.livekey;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.gateway.budget.Pot;
import io.ledgerline.gateway.budget.RateLimiter;
import io.ledgerline.gateway.projection.LedgerProjection;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A key as the request path sees it: its configuration, the hash of its current secret, whether it
 * is revoked, the pots it spends from and its rate limiter. Read without locks on every request.
 */
public final class LiveKey {

    private final KeyConfig config;
    private final RateLimiter rateLimiter;
    private final List<Pot> budget = new CopyOnWriteArrayList<>();
    private final Pot wallet;
    private volatile byte[] secretSha256;
    private volatile String secretPrefix;
    private volatile boolean revoked;
    private volatile Instant lastUsedAt;
    private final java.util.concurrent.atomic.AtomicLong chargedUcr;
    private final List<Funding> fundings = new CopyOnWriteArrayList<>();
    private volatile AutoTopUpState autoTopUp = AutoTopUpState.NONE;

    /** A ledger reservation that funds this key: a budget (or top-up) or a deposit. */
    public record Funding(String reservationId, Credits amount, Credits fee, String kind) {

        public static final String BUDGET = "BUDGET";
        public static final String DEPOSIT = "DEPOSIT";

        public boolean isBudget() {
            return BUDGET.equals(kind);
        }
    }

    public LiveKey(
            KeyConfig config,
            byte[] secretSha256,
            Pot wallet,
            Instant lastUsedAt,
            Credits charged) {
        this.config = config;
        this.chargedUcr = new java.util.concurrent.atomic.AtomicLong(charged.ucr());
        this.secretSha256 = secretSha256;
        this.secretPrefix = config.secretPrefix();
        this.wallet = wallet;
        var limits = config.rateLimits() == null ? KeyConfig.RateLimits.NONE : config.rateLimits();
        this.rateLimiter = new RateLimiter(limits.requestsPerMinute(), limits.tokensPerMinute());
        this.lastUsedAt = lastUsedAt;
    }

    public KeyConfig config() {
        return config;
    }

    public String keyId() {
        return config.keyId();
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** The reservations of a partner key's budget, oldest first; empty for self-service keys. */
    public List<Pot> budget() {
        return budget;
    }

    /** The customer's AI-credit wallet a self-service key spends from; null for partner keys. */
    public Pot wallet() {
        return wallet;
    }

    /**
     * Adds a reservation unless the key already has it (a reload from the database may bring one
     * this instance added itself): the pots already here keep their holds. Returns whether added.
     */
    public synchronized boolean addFunding(Funding funding, Pot budgetPot) {
        if (hasFunding(funding.reservationId())) {
            return false;
        }
        fundings.add(funding);
        if (budgetPot != null) {
            budget.add(budgetPot);
        }
        return true;
    }

    boolean hasFunding(String reservationId) {
        for (var funding : fundings) {
            if (funding.reservationId().equals(reservationId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The pot of budget reservation {@code reservationId}: what the ledger shows left of {@code
     * total}, nothing once the key is revoked.
     */
    public Pot budgetPot(
            String reservationId, Credits total, LedgerProjection projection, int instances) {
        return new Pot(
                reservationId,
                () -> revoked ? Credits.ZERO : total.minus(projection.settledFrom(reservationId)),
                instances);
    }

    public List<Funding> fundings() {
        return fundings;
    }

    /** What this key's requests were charged, in the key's unit (see {@code Admission.cost}). */
    public Credits charged() {
        return Credits.ofMicros(chargedUcr.get());
    }

    public void addCharge(Credits amount) {
        chargedUcr.addAndGet(amount.ucr());
    }

    byte[] secretSha256() {
        return secretSha256;
    }

    public String secretPrefix() {
        return secretPrefix;
    }

    void replaceSecret(byte[] sha256, String prefix) {
        this.secretSha256 = sha256;
        this.secretPrefix = prefix;
    }

    public boolean revoked() {
        return revoked;
    }

    public void markRevoked() {
        this.revoked = true;
    }

    /** R10: where this key's auto top-up stands; {@link AutoTopUpState#NONE} before any. */
    public AutoTopUpState autoTopUpState() {
        return autoTopUp;
    }

    public void autoTopUpState(AutoTopUpState state) {
        this.autoTopUp = state;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public void touch(Instant now) {
        this.lastUsedAt = now;
    }
}
