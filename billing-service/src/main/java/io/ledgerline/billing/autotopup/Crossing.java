package io.ledgerline.billing.autotopup;

/**
 * The one rule of auto top-up: buy once when the balance drops below the threshold while armed; arm
 * again only when the balance is back at or above it. Pure, so the rule is tested alone.
 */
record Crossing(AutoTopUp.Status next, boolean buy) {

    static Crossing of(AutoTopUp.Status status, long balanceUcr, long thresholdUcr) {
        boolean below = balanceUcr < thresholdUcr;
        return switch (status) {
            case ARMED -> below ? new Crossing(AutoTopUp.Status.WAITING, true) : unchanged(status);
            case WAITING -> below ? unchanged(status) : new Crossing(AutoTopUp.Status.ARMED, false);
            // Stopped after a refused payment: only new settings from the owner start it again.
            case FAILED -> unchanged(status);
        };
    }

    private static Crossing unchanged(AutoTopUp.Status status) {
        return new Crossing(status, false);
    }
}
