package io.ledgerline.billing.metering;

import io.ledgerline.billing.metering.UsageCharge.Leg;
import io.ledgerline.billing.metering.UsageCharge.Status;
import io.ledgerline.billing.rating.RatedUsage;
import io.ledgerline.contracts.usage.UsageRecorded;

import java.util.ArrayList;
import java.util.List;

/** A rated use and its two planned legs, or a use that could not be rated (with its code). */
record PlannedCharge(
        UsageRecorded usage,
        RatedUsage rated,
        PlannedLeg platform,
        PlannedLeg customer,
        String notRatedCode) {

    static PlannedCharge notRated(UsageRecorded usage, String code) {
        return new PlannedCharge(usage, null, PlannedLeg.NONE, PlannedLeg.NONE, code);
    }

    /** Sends the legs of all planned charges together and returns each charge as it ended. */
    static List<UsageCharge> charge(List<PlannedCharge> planned, LedgerLegs legs) {
        var allLegs = new ArrayList<PlannedLeg>(planned.size() * 2);
        for (var charge : planned) {
            allLegs.add(charge.platform());
            allLegs.add(charge.customer());
        }
        var sent = legs.send(allLegs);
        var charges = new ArrayList<UsageCharge>(planned.size());
        for (int i = 0; i < planned.size(); i++) {
            charges.add(planned.get(i).ended(sent.get(2 * i), sent.get(2 * i + 1)));
        }
        return charges;
    }

    private UsageCharge ended(Leg platformLeg, Leg customerLeg) {
        if (rated == null) {
            return new UsageCharge(
                    usage, null, null, Status.NOT_RATED, notRatedCode, Leg.NONE, Leg.NONE);
        }
        var refusal =
                platformLeg.refused()
                        ? platformLeg.outcome()
                        : customerLeg.refused() ? customerLeg.outcome() : null;
        var status = refusal == null ? Status.CHARGED : Status.REFUSED;
        var customerCharge = rated.billsCustomer() ? rated.customerChargeUcr().ucr() : null;
        return new UsageCharge(
                usage,
                rated.platformCostUcr().ucr(),
                customerCharge,
                status,
                refusal,
                platformLeg,
                customerLeg);
    }
}
