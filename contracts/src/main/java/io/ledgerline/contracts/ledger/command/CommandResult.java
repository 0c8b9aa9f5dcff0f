package io.ledgerline.contracts.ledger.command;

import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.money.Credits;

import java.util.List;
import java.util.Map;

/**
 * What the ledger answered to a command: posted (with the events it appended and the balances of
 * the holder's accounts afterwards) or refused with one code. A repeated command id gets this same
 * answer back.
 */
public record CommandResult(
        String commandId,
        Outcome outcome,
        Rejection rejection,
        String detail,
        List<String> eventIds,
        Map<String, Credits> balancesUcr) {

    public enum Outcome {
        POSTED,
        REFUSED
    }

    public static CommandResult posted(
            String commandId, List<String> eventIds, Map<String, Credits> balances) {
        return new CommandResult(
                commandId, Outcome.POSTED, null, null, List.copyOf(eventIds), Map.copyOf(balances));
    }

    public static CommandResult refused(String commandId, Rejection rejection, String detail) {
        return new CommandResult(
                commandId, Outcome.REFUSED, rejection, detail, List.of(), Map.of());
    }

    public boolean isPosted() {
        return outcome == Outcome.POSTED;
    }
}
