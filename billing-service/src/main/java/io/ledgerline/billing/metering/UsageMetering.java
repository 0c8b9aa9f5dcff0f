package io.ledgerline.billing.metering;

import io.ledgerline.billing.metering.UsageCharge.Status;
import io.ledgerline.billing.rating.RatedUsage;
import io.ledgerline.billing.rating.UnratableUsageException;
import io.ledgerline.billing.rating.UsageRater;
import io.ledgerline.contracts.usage.UsageRecorded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Rates uses and charges them through the ledger, exactly once per request id: a use already
 * recorded (or seen earlier in the same list) is skipped; one that failed half-way is sent again
 * with the same command ids. All uses of a list share one look-up, one round of ledger batches and
 * one transaction. A ledger that cannot be reached throws, so the list is retried rather than
 * acknowledged.
 */
@Service
class UsageMetering {

    private static final Logger log = LoggerFactory.getLogger(UsageMetering.class);

    private final UsageRater rater;
    private final LedgerLegs legs;
    private final UsageChargeStore store;

    UsageMetering(UsageRater rater, LedgerLegs legs, UsageChargeStore store) {
        this.rater = rater;
        this.legs = legs;
        this.store = store;
    }

    /** A use that could not be rated for a reason other than its content (e.g. an overflow). */
    record Unmeterable(UsageRecorded usage, RuntimeException cause) {}

    /**
     * Charges every use that is new and returns the ones that failed on their own; the others are
     * recorded regardless.
     */
    List<Unmeterable> meter(List<UsageRecorded> usages) {
        var fresh = store.unprocessed(firstOfEachRequest(usages));
        var planned = new ArrayList<PlannedCharge>(fresh.size());
        var unmeterable = new ArrayList<Unmeterable>();
        for (var usage : fresh) {
            try {
                planned.add(plan(usage));
            } catch (RuntimeException e) {
                unmeterable.add(new Unmeterable(usage, e));
            }
        }
        var charges = PlannedCharge.charge(planned, legs);
        int recorded = store.record(charges);
        if (recorded < charges.size()) {
            log.debug("{} uses were recorded by another delivery", charges.size() - recorded);
        }
        charges.stream()
                .filter(charge -> charge.status() != Status.CHARGED)
                .forEach(
                        charge ->
                                log.warn(
                                        "usage {} {}: {}",
                                        charge.usage().requestId(),
                                        charge.status(),
                                        charge.refusalCode()));
        return unmeterable;
    }

    private static List<UsageRecorded> firstOfEachRequest(List<UsageRecorded> usages) {
        var requests = new HashSet<String>();
        var events = new HashSet<String>();
        var first = new ArrayList<UsageRecorded>(usages.size());
        for (var usage : usages) {
            boolean newRequest = requests.add(usage.requestId());
            boolean newEvent = events.add(usage.eventId());
            if (newRequest && newEvent) {
                first.add(usage);
            }
        }
        return first;
    }

    private PlannedCharge plan(UsageRecorded usage) {
        RatedUsage rated;
        PlannedLeg platform;
        try {
            rated = rater.rate(usage);
            platform = legs.platformLeg(usage, rated);
        } catch (UnratableUsageException e) {
            return PlannedCharge.notRated(usage, e.code().name());
        }
        return new PlannedCharge(usage, rated, platform, legs.customerLeg(usage, rated), null);
    }
}
