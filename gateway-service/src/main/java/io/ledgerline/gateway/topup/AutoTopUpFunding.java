package io.ledgerline.gateway.topup;

import io.ledgerline.contracts.gateway.KeyChanged;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.money.UsdCents;
import io.ledgerline.gateway.lifecycle.KeyLifecycle;
import io.ledgerline.gateway.livekey.AutoTopUpState;
import io.ledgerline.gateway.livekey.KeyLoader;
import io.ledgerline.gateway.livekey.KeyRepository;
import io.ledgerline.gateway.livekey.LiveKey;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * The writes of an auto top-up (R10): the attempt's state, compared and set in the database, and
 * the funding itself, done exactly as a manual top-up is. Blocking: call off the event loop.
 */
@Service
class AutoTopUpFunding {

    private final KeyLifecycle lifecycle;
    private final KeyRepository keys;
    private final KeyLoader loader;
    private final TransactionTemplate tx;
    private final Clock clock;

    AutoTopUpFunding(
            KeyLifecycle lifecycle,
            KeyRepository keys,
            KeyLoader loader,
            TransactionTemplate tx,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.keys = keys;
        this.loader = loader;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Trigger {@code attempt.sequence()}: funds the key by its auto top-up amount exactly as a
     * manual top-up does (amount plus the tier's fee, the fee settled from it, a new pot), as
     * reservation {@code key-{keyId}-a{sequence}}. Repeating an attempt repeats its ledger command
     * ids. Throws the ledger's {@link io.ledgerline.gateway.ledger.LedgerRefusal} when it refuses,
     * {@link io.ledgerline.contracts.problem.Refused} when it fails.
     */
    AutoTopUpState autoTopUp(LiveKey live, AutoTopUpState attempt) {
        KeyLifecycle.requireNotRevoked(live);
        var keyId = live.keyId();
        var amount = UsdCents.toPlatformCredits(live.config().autoTopUp().amountCents());
        var reservationId = autoTopUpReservationId(keyId, attempt.sequence());
        // A funding already on the key means the ledger answered but the row was not written.
        var funding =
                live.fundings().stream()
                        .filter(f -> f.reservationId().equals(reservationId))
                        .findFirst()
                        .orElseGet(
                                () -> lifecycle.fund(live, reservationId, amount, "auto top-up"));
        var now = clock.instant();
        var done = attempt.toppedUp(now);
        var closed =
                tx.execute(
                        status -> {
                            keys.insertReservation(KeyLifecycle.budgetRow(keyId, funding), now);
                            return keys.saveAutoTopUpIf(keyId, attempt, done);
                        });
        if (Boolean.TRUE.equals(closed)) {
            live.autoTopUpState(done);
        }
        // The stored status, not this instance's memory: another instance may have revoked the key
        // while this ran, and revocation may not have seen the new reservation.
        if (loader.reload(keyId).revoked()) {
            lifecycle.releaseFunding(AccountId.partner(live.config().partnerId()), funding);
        }
        lifecycle.announceQuietly(live, KeyChanged.Change.AUTO_TOPPED_UP);
        return live.autoTopUpState();
    }

    /** Records what an auto top-up attempt is about to do or did, then shows it. */
    boolean recordAutoTopUp(LiveKey live, AutoTopUpState state) {
        return recordAutoTopUp(live, live.autoTopUpState(), state);
    }

    /**
     * Records {@code next} if the stored state still is {@code expected}, else takes over the
     * stored one (another instance opened or closed the trigger) and answers false.
     */
    boolean recordAutoTopUp(LiveKey live, AutoTopUpState expected, AutoTopUpState next) {
        if (!keys.saveAutoTopUpIf(live.keyId(), expected, next)) {
            loader.reload(live.keyId());
            return false;
        }
        live.autoTopUpState(next);
        return true;
    }

    static String autoTopUpReservationId(String keyId, long sequence) {
        return "key-" + keyId + "-a" + sequence;
    }
}
