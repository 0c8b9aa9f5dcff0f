package io.ledgerline.gateway.livekey;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.CommonRefusal;

import java.time.Instant;

/**
 * Where a partner key's auto top-up (R10) stands. {@code sequence} numbers its triggers; trigger n
 * reserves as {@code key-{keyId}-a{n}}, so while {@code pending} a retry (or a restart) repeats the
 * same ledger command ids and the ledger answers it with its first answer. After a refusal the next
 * trigger takes a new number, because the ledger would repeat the refusal forever.
 */
public record AutoTopUpState(
        long sequence,
        boolean pending,
        long topUps,
        int consecutiveFailures,
        String lastResult,
        Instant lastAttemptAt,
        Instant lastTopUpAt,
        Instant retryNotBefore,
        Credits availableAtRefusal) {

    public static final AutoTopUpState NONE =
            new AutoTopUpState(0, false, 0, 0, null, null, null, null, null);
    public static final String TOPPED_UP = "TOPPED_UP";
    public static final String LEDGER_UNAVAILABLE = CommonRefusal.LEDGER_UNAVAILABLE.name();

    /** The attempt about to call the ledger: the unfinished trigger again, or the next one. */
    public AutoTopUpState attempting(Instant now) {
        return new AutoTopUpState(
                pending ? sequence : sequence + 1,
                true,
                topUps,
                consecutiveFailures,
                lastResult,
                now,
                lastTopUpAt,
                retryNotBefore,
                availableAtRefusal);
    }

    public AutoTopUpState toppedUp(Instant now) {
        return new AutoTopUpState(
                sequence, false, topUps + 1, 0, TOPPED_UP, lastAttemptAt, now, null, null);
    }

    /** The ledger said no (for lack of funds, usually): this trigger is over. */
    public AutoTopUpState refused(String code, Instant retryNotBefore, Credits available) {
        return new AutoTopUpState(
                sequence,
                false,
                topUps,
                consecutiveFailures + 1,
                code,
                lastAttemptAt,
                lastTopUpAt,
                retryNotBefore,
                available);
    }

    /** The outcome is unknown: the same trigger is tried again, not before {@code retryAt}. */
    public AutoTopUpState unavailable(Instant retryAt) {
        return new AutoTopUpState(
                sequence,
                true,
                topUps,
                consecutiveFailures + 1,
                LEDGER_UNAVAILABLE,
                lastAttemptAt,
                lastTopUpAt,
                retryAt,
                null);
    }
}
