package io.ledgerline.billing.autotopup;

import io.ledgerline.billing.purchases.Purchasing;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * Makes the one purchase a crossing called for: the auto top-up's credit plan, with the customer's
 * default payment method, through the same purchase path as a customer's own (its credits follow
 * the provider's success event). A processing error is retried with a new purchase id at most
 * {@link #MAX_ATTEMPTS} times in all, with back-off; a declined card, a refused purchase or the
 * last failed retry stops the auto top-up until its owner saves the settings again, so a failing
 * card is never charged in a loop.
 */
@Component
class TopUpCharger {

    /** Attempts per crossing at most, the first included. */
    static final int MAX_ATTEMPTS = 3;

    /** The wait before the second attempt; it doubles for each further one. */
    static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(30);

    /** A claim older than this is taken to belong to a billing instance that is gone. */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(2);

    /** Charges attempted per sweep at most; the next sweep takes the rest. */
    static final int SWEEP_LIMIT = 100;

    private static final Logger log = LoggerFactory.getLogger(TopUpCharger.class);

    private final AutoTopUpStore store;
    private final Purchasing purchasing;
    private final StopNotices notices;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TopUpCharger(
            AutoTopUpStore store,
            Purchasing purchasing,
            StopNotices notices,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.purchasing = purchasing;
        this.notices = notices;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${ledgerline.billing.auto-top-up.sweep-interval-ms:10000}",
            initialDelayString = "${ledgerline.billing.auto-top-up.sweep-interval-ms:10000}")
    void scheduledSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("auto top-up sweep failed; the next one tries again", e);
        }
    }

    /**
     * Attempts every charge that is due (retries, and charges whose first attempt never ran), and
     * sends the stop notices the broker has not acknowledged yet.
     */
    void sweep() {
        var now = clock.instant();
        for (var chargeId : store.due(now, now.minus(CLAIM_TIMEOUT), SWEEP_LIMIT)) {
            attempt(chargeId);
        }
        notices.tellTheRest();
    }

    /** One attempt at the charge, if it is due and no other attempt holds it. */
    void attempt(String chargeId) {
        var now = clock.instant();
        var claimed = store.claim(chargeId, now, now.minus(CLAIM_TIMEOUT));
        if (claimed.isEmpty()) {
            return;
        }
        var charge = claimed.get();
        var purchaseId = charge.chargeId() + "-" + (charge.attempts() + 1);
        try {
            purchasing.buyPlan(
                    AccountId.customer(charge.customerId()), purchaseId, charge.planId(), null);
            store.submitted(chargeId, purchaseId, clock.instant());
        } catch (Refused refused) {
            if (refused.code() == BillingRefusal.PAYMENT_PROCESSING_ERROR) {
                retryOrStop(charge, purchaseId, refused.code().name());
            } else {
                stop(charge, purchaseId, refused.code().name());
            }
        } catch (RuntimeException unknownOutcome) {
            // Billing cannot tell whether the provider charged (its database or network failed
            // mid-way): the claim is left to expire, and the next attempt sends the same purchase
            // id, which the purchase replays rather than charges again.
            log.warn("auto top-up {} attempt failed; retried as is", chargeId, unknownOutcome);
        }
    }

    private void retryOrStop(TopUpCharge charge, String purchaseId, String code) {
        int made = charge.attempts() + 1;
        if (made >= MAX_ATTEMPTS) {
            stop(charge, purchaseId, code);
            return;
        }
        var now = clock.instant();
        var delay = FIRST_RETRY_DELAY.multipliedBy(1L << (made - 1));
        store.retryLater(charge.chargeId(), code, now.plus(delay), now);
    }

    private void stop(TopUpCharge charge, String purchaseId, String code) {
        var status =
                code.startsWith("CARD_") ? TopUpCharge.Status.DECLINED : TopUpCharge.Status.FAILED;
        log.warn(
                "auto top-up of customer {} stopped: {} ({})",
                charge.customerId(),
                code,
                charge.chargeId());
        transactions.executeWithoutResult(
                tx -> {
                    var now = clock.instant();
                    store.stopped(charge.chargeId(), status, purchaseId, code, now);
                    store.failSettings(charge.customerId(), code, now);
                });
        notices.tell(charge.chargeId());
    }
}
