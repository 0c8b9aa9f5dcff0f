package io.ledgerline.billing.calls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Closes calls whose runtime stopped reporting: no extension or end within {@link
 * CallLimits#REPORT_SLACK_SECONDS} after the authorised time ran out. Each is charged the time it
 * was authorised and its holds are settled and released, so nothing stays held. Several instances
 * may sweep at once: a call another one holds is skipped.
 */
@Component
class CallSweeper {

    /** Calls closed per sweep at most; the next sweep takes the rest. */
    static final int MAX_CALLS_PER_SWEEP = 100;

    private static final Logger log = LoggerFactory.getLogger(CallSweeper.class);

    private final CallStore calls;
    private final CallClosing closing;
    private final Clock clock;

    CallSweeper(CallStore calls, CallClosing closing, Clock clock) {
        this.calls = calls;
        this.closing = closing;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${ledgerline.billing.calls.sweep-interval-ms:5000}",
            initialDelayString = "${ledgerline.billing.calls.sweep-interval-ms:5000}")
    void scheduledSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("sweeping quiet calls failed; the next sweep tries again", e);
        }
    }

    /** Closes the quiet calls due now; returns how many it closed. */
    int sweep() {
        int closed = 0;
        for (var callId : calls.staleCallIds(clock.instant(), MAX_CALLS_PER_SWEEP)) {
            if (closing.timeOut(callId)) {
                closed++;
            }
        }
        return closed;
    }
}
