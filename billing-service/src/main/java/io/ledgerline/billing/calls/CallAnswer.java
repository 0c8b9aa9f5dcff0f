package io.ledgerline.billing.calls;

import java.time.Instant;

/**
 * What admission tells the runtime after a start or an extension: the call may run until {@code
 * endBy}. {@code AUTHORISED}: extend before then for another minute. {@code GRACE}: the balance is
 * spent; the call has its grace period to finish the sentence and must end by {@code endBy}.
 */
record CallAnswer(
        String callId,
        long sequence,
        Status status,
        Instant authorisedUntil,
        Instant endBy,
        long reservedUcr,
        String message) {

    enum Status {
        AUTHORISED,
        GRACE
    }

    static final String GRACE_MESSAGE =
            "Your credit has run out. Please finish up: this call will end shortly.";

    static CallAnswer of(String callId, CallStep step) {
        if (step.graceUntil() != null) {
            return new CallAnswer(
                    callId,
                    step.sequence(),
                    Status.GRACE,
                    step.authorisedUntil(),
                    step.graceUntil(),
                    step.amount().ucr(),
                    GRACE_MESSAGE);
        }
        return new CallAnswer(
                callId,
                step.sequence(),
                Status.AUTHORISED,
                step.authorisedUntil(),
                step.authorisedUntil(),
                step.amount().ucr(),
                null);
    }
}
