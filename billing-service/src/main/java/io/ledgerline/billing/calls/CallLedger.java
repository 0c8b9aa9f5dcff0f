package io.ledgerline.billing.calls;

import io.ledgerline.billing.ledgerclient.LedgerAnswer;
import io.ledgerline.billing.ledgerclient.LedgerClient;
import io.ledgerline.billing.ledgerclient.LedgerUnavailableException;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.ledger.command.ReleaseReservation;
import io.ledgerline.contracts.ledger.command.ReserveCredits;
import io.ledgerline.contracts.ledger.command.SettleReservation;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A call's ledger commands. Every id derives from the call id and the step, so a retried request, a
 * redelivery or a restart sends the same command again and the ledger answers its first answer: a
 * call is never reserved or charged twice.
 */
@Component
class CallLedger {

    private final LedgerClient ledger;

    CallLedger(LedgerClient ledger) {
        this.ledger = ledger;
    }

    static String minuteReservationId(String callId, long sequence) {
        return "call-" + callId + "-m" + sequence;
    }

    static String graceReservationId(String callId) {
        return "call-" + callId + "-grace";
    }

    static String usageId(String callId) {
        return "call-" + callId;
    }

    LedgerAnswer reserve(
            AccountId payer,
            String reservationId,
            Credits amount,
            boolean withinGrace,
            String purpose) {
        return submit(
                        List.of(
                                new ReserveCredits(
                                        reservationId + "-reserve",
                                        payer,
                                        reservationId,
                                        amount,
                                        CallLimits.LEDGER_HOLD_TIMEOUT_SECONDS,
                                        purpose,
                                        withinGrace)))
                .get(0);
    }

    /**
     * Settles one hold. Each hold is its own part of the call's usage, under its own usage id (the
     * hold's id): the ledger charges a usage id once per account, so a call's holds cannot all
     * settle under the call's id.
     */
    SettleReservation settle(AccountId payer, String reservationId, Credits amount) {
        return new SettleReservation(
                reservationId + "-settle", payer, reservationId, amount, reservationId);
    }

    ReleaseReservation release(AccountId payer, String reservationId, String reason) {
        return new ReleaseReservation(reservationId + "-release", payer, reservationId, reason);
    }

    MeterUsage meter(AccountId payer, Credits amount, String callId, String description) {
        return new MeterUsage(
                usageId(callId) + "-beyond-holds", payer, amount, usageId(callId), description);
    }

    /** The ledger's answers in order; an unreachable ledger is a 503 the runtime may retry. */
    List<LedgerAnswer> submit(List<? extends LedgerCommand> commands) {
        try {
            return ledger.submit(commands);
        } catch (LedgerUnavailableException e) {
            throw new Refused(
                    CommonRefusal.LEDGER_UNAVAILABLE,
                    "the ledger could not be reached; retry with the same call id and sequence");
        }
    }
}
