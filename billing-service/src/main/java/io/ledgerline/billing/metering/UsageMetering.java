package io.ledgerline.billing.metering;

import io.ledgerline.billing.metering.UsageCharge.Leg;
import io.ledgerline.billing.metering.UsageCharge.Status;
import io.ledgerline.billing.rating.RatedUsage;
import io.ledgerline.billing.rating.UnratableUsageException;
import io.ledgerline.billing.rating.UsageRater;
import io.ledgerline.contracts.usage.UsageRecorded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Rates one use and charges it through the ledger, exactly once per request id: a use already
 * recorded is skipped; one that failed half-way is sent again with the same command ids. A ledger
 * that cannot be reached throws, so the record is retried rather than acknowledged.
 */
@Service
public class UsageMetering {

    private static final Logger log = LoggerFactory.getLogger(UsageMetering.class);

    private final UsageRater rater;
    private final LedgerLegs legs;
    private final UsageChargeStore store;

    UsageMetering(UsageRater rater, LedgerLegs legs, UsageChargeStore store) {
        this.rater = rater;
        this.legs = legs;
        this.store = store;
    }

    public void meter(UsageRecorded usage) {
        if (store.isProcessed(usage.requestId(), usage.eventId())) {
            log.debug("usage {} already charged, skipped", usage.requestId());
            return;
        }
        var charge = charge(usage);
        if (!store.record(charge)) {
            log.debug("usage {} was recorded by another delivery", usage.requestId());
        }
        if (charge.status() != Status.CHARGED) {
            log.warn("usage {} {}: {}", usage.requestId(), charge.status(), charge.refusalCode());
        }
    }

    private UsageCharge charge(UsageRecorded usage) {
        RatedUsage rated;
        Leg platform;
        try {
            rated = rater.rate(usage);
            platform = legs.platformLeg(usage, rated);
        } catch (UnratableUsageException e) {
            return new UsageCharge(
                    usage, null, null, Status.NOT_RATED, e.code(), Leg.NONE, Leg.NONE);
        }
        var customer = legs.customerLeg(usage, rated);
        var refusal =
                platform.refused()
                        ? platform.outcome()
                        : customer.refused() ? customer.outcome() : null;
        var status = refusal == null ? Status.CHARGED : Status.REFUSED;
        var customerCharge = rated.billsCustomer() ? rated.customerChargeUcr().ucr() : null;
        return new UsageCharge(
                usage,
                rated.platformCostUcr().ucr(),
                customerCharge,
                status,
                refusal,
                platform,
                customer);
    }
}
