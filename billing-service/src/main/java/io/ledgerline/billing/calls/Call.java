package io.ledgerline.billing.calls;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.money.Credits;

import java.time.Instant;

/**
 * A call as billing keeps it: who pays (the customer's AI credits, or its partner's platform
 * credits while AI credits are off), at what price, and how far it is authorised.
 */
record Call(
        String callId,
        String customerId,
        String partnerId,
        String agentId,
        Channel channel,
        AccountId payer,
        Credits pricePerMinute,
        long graceSeconds,
        Status status,
        long sequence,
        Instant startedAt,
        Instant authorisedUntil,
        Instant graceUntil,
        String endFingerprint) {

    enum Status {
        ACTIVE,
        ENDED,
        TIMED_OUT
    }

    boolean inGrace() {
        return graceUntil != null;
    }

    /** The instant the call must end by unless a further minute is authorised. */
    Instant endBy() {
        return inGrace() ? graceUntil : authorisedUntil;
    }

    boolean sameStart(CallStart start) {
        return customerId.equals(start.customerId())
                && partnerId.equals(start.partnerId())
                && agentId.equals(start.agentId())
                && channel == start.channel();
    }
}
