package io.ledgerline.billing.ledgerclient;

/**
 * What the ledger said to one command: posted, or refused with its stable code. An unreachable or
 * failing ledger is not an answer; it is a {@link LedgerUnavailableException}.
 */
public record LedgerAnswer(String commandId, boolean posted, String code) {

    public static final String POSTED = "POSTED";

    public static LedgerAnswer posted(String commandId) {
        return new LedgerAnswer(commandId, true, POSTED);
    }

    public static LedgerAnswer refused(String commandId, String code) {
        return new LedgerAnswer(commandId, false, code);
    }

    public boolean refusedWith(String... codes) {
        for (var candidate : codes) {
            if (!posted && candidate.equals(code)) {
                return true;
            }
        }
        return false;
    }
}
