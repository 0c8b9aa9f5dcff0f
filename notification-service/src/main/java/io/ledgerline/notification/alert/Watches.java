package io.ledgerline.notification.alert;

import io.ledgerline.contracts.money.Credits;

import java.util.ArrayList;
import java.util.List;

/** Which levels an account's balance is watched against. */
public final class Watches {

    /** R9: below this, a partner's customer-created keys are suspended. */
    public static final Credits SELF_SERVICE_RESERVE_UCR = Credits.ofCredits(1_000);

    /** The partner's warning level while it has set none of its own. */
    public static final Credits DEFAULT_RESERVE_WARNING_UCR = Credits.ofCredits(2_000);

    private Watches() {}

    /**
     * A customer's low-credit threshold and zero (R13, R15); sent only while its notifications are
     * on, but watched always so that turning them on does not fire for a crossing long past.
     */
    public static List<Watch> customer(Credits thresholdUcr) {
        var watches = new ArrayList<Watch>();
        if (thresholdUcr != null) {
            watches.add(new Watch(AlertKind.LOW_CREDIT, thresholdUcr.ucr(), false));
        }
        watches.add(new Watch(AlertKind.ZERO_BALANCE, 0, false));
        return watches;
    }

    /** A partner's available platform credits: its warning level, the reserve, and zero. */
    public static List<Watch> partner(Credits reserveWarningUcr) {
        var warning = reserveWarningUcr == null ? DEFAULT_RESERVE_WARNING_UCR : reserveWarningUcr;
        return List.of(
                new Watch(AlertKind.RESERVE_WARNING, warning.ucr(), false),
                new Watch(AlertKind.RESERVE_BREACHED, SELF_SERVICE_RESERVE_UCR.ucr(), true),
                new Watch(AlertKind.ZERO_BALANCE, 0, false));
    }

    /** Days of credit left against the account's own alert level, when it set one. */
    public static List<Watch> runOut(Integer alertDays) {
        return alertDays == null
                ? List.of()
                : List.of(new Watch(AlertKind.RUN_OUT_FORECAST, alertDays, false));
    }
}
