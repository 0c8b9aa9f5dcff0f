package io.ledgerline.billing.metering;

import io.ledgerline.billing.metering.UsageCharge.Leg;
import io.ledgerline.contracts.ledger.command.LedgerCommand;

/**
 * One leg of a use before the ledger is asked: the command to send (and, for a settlement, the
 * command to send instead when the reservation is gone), or an outcome known without asking.
 */
record PlannedLeg(String commandId, LedgerCommand command, LedgerCommand fallback, String outcome) {

    static final PlannedLeg NONE = new PlannedLeg(null, null, null, UsageCharge.NOT_SENT);

    static PlannedLeg nothingDue(String commandId) {
        return new PlannedLeg(commandId, null, null, UsageCharge.NOTHING_DUE);
    }

    static PlannedLeg send(LedgerCommand command) {
        return new PlannedLeg(command.commandId(), command, null, null);
    }

    static PlannedLeg settleOrElse(LedgerCommand settle, LedgerCommand meter) {
        return new PlannedLeg(settle.commandId(), settle, meter, null);
    }

    /** The leg as it ends when the ledger is not asked. */
    Leg unsent() {
        return new Leg(commandId, outcome);
    }
}
