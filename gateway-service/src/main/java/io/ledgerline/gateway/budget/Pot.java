package io.ledgerline.gateway.budget;

import io.ledgerline.contracts.money.Credits;

import java.util.function.Supplier;

/**
 * Credits a key may spend, held in memory: one ledger reservation of a partner key's budget, or a
 * customer's AI-credit wallet. What the ledger says is left ({@code ledgerHeadroom}, from the
 * projection) minus what this gateway has pre-authorised for requests in flight ({@code held})
 * minus what it has charged but the ledger has not shown yet ({@code unbilled}) is what a new
 * request may pre-authorise. All changes happen under this object's lock, which is uncontended
 * except for concurrent requests on the same key.
 *
 * <p>With several gateway instances each one may commit only its share of the headroom, {@code
 * headroom / instances} rounded down (see {@link Admission}): no instance knows what the others
 * hold, but together they never commit more than the ledger has, whichever instance a request
 * reaches.
 */
public final class Pot {

    private final String reservationId;
    private final Supplier<Credits> ledgerHeadroom;
    private final int instances;
    private long heldUcr;
    private long unbilledUcr;
    private long peakCommittedUcr;

    /** A pot of the only gateway instance. */
    public Pot(String reservationId, Supplier<Credits> ledgerHeadroom) {
        this(reservationId, ledgerHeadroom, 1);
    }

    /** A pot of one of {@code instances} gateway instances, which may commit its share only. */
    public Pot(String reservationId, Supplier<Credits> ledgerHeadroom, int instances) {
        if (instances < 1 || instances > InstanceShare.MAX_INSTANCES) {
            throw new IllegalArgumentException(
                    "instances must be 1.." + InstanceShare.MAX_INSTANCES);
        }
        this.reservationId = reservationId;
        this.ledgerHeadroom = ledgerHeadroom;
        this.instances = instances;
    }

    /**
     * What one of {@code instances} instances may commit of {@code headroom}: rounded down, so the
     * shares never add up to more than the headroom (and a negative headroom gives a share no
     * greater than it divided).
     */
    public static Credits shareOf(Credits headroom, int instances) {
        return Credits.ofMicros(Math.floorDiv(headroom.ucr(), (long) instances));
    }

    /** The reservation usage is settled from, or null for a customer wallet. */
    public String reservationId() {
        return reservationId;
    }

    public synchronized boolean tryHold(Credits amount) {
        long free = share() - heldUcr - unbilledUcr;
        if (free < amount.ucr()) {
            return false;
        }
        heldUcr = Math.addExact(heldUcr, amount.ucr());
        peakCommittedUcr = Math.max(peakCommittedUcr, heldUcr + unbilledUcr);
        return true;
    }

    /** The request finished: its hold becomes an actual charge awaiting the ledger. */
    synchronized void settle(Credits held, Credits actual) {
        heldUcr = Math.subtractExact(heldUcr, held.ucr());
        unbilledUcr = Math.addExact(unbilledUcr, actual.ucr());
        peakCommittedUcr = Math.max(peakCommittedUcr, heldUcr + unbilledUcr);
        checkNotNegative();
    }

    synchronized void release(Credits held) {
        heldUcr = Math.subtractExact(heldUcr, held.ucr());
        checkNotNegative();
    }

    /** The ledger has shown the charge, so the projection's headroom already contains it. */
    synchronized void billed(Credits actual) {
        unbilledUcr = Math.subtractExact(unbilledUcr, actual.ucr());
        checkNotNegative();
    }

    public synchronized Credits held() {
        return Credits.ofMicros(heldUcr);
    }

    public synchronized Credits unbilled() {
        return Credits.ofMicros(unbilledUcr);
    }

    /** The most this pot ever had pre-authorised plus charged-but-unbilled at one moment. */
    public synchronized Credits peakCommitted() {
        return Credits.ofMicros(peakCommittedUcr);
    }

    /** What a new request on this instance may still pre-authorise: its share, less its own. */
    public synchronized Credits free() {
        return Credits.ofMicros(share() - heldUcr - unbilledUcr);
    }

    /**
     * What this instance sees left of the whole pot: the ledger's headroom less its own held and
     * unbilled (not its share; the other instances' commitments are unknown here).
     */
    public synchronized Credits ledgerFree() {
        return Credits.ofMicros(ledgerHeadroom.get().ucr() - heldUcr - unbilledUcr);
    }

    private long share() {
        return shareOf(ledgerHeadroom.get(), instances).ucr();
    }

    private void checkNotNegative() {
        if (heldUcr < 0 || unbilledUcr < 0) {
            throw new AssertionError(
                    "pot "
                            + reservationId
                            + " went negative: held="
                            + heldUcr
                            + " unbilled="
                            + unbilledUcr);
        }
    }
}
