package io.ledgerline.billing.calls;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

/** A running call asks for its next minute; {@code sequence} counts from 1 (start is 0). */
record CallExtension(Long sequence) {

    long validatedSequence() {
        long value = CallLimits.requireRange(sequence, CallLimits.MAX_SEQUENCE, "sequence");
        if (value == 0) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "sequence",
                    "extensions count from 1; 0 is the start");
        }
        return value;
    }
}
