package io.ledgerline.billing.calls;

import io.ledgerline.billing.entitlements.Meters;
import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.ledger.Texts;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.contracts.rating.Rating;
import io.ledgerline.contracts.usage.UsageRecorded.CostLine;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ends a call: rates it (R14: seconds at the price per minute, cost lines, tool calls), settles the
 * charge against the call's holds in the order they were placed, releases what is left of every
 * hold, and charges any rest beyond the holds (cost lines, time past the authorisation) as usage,
 * which the ledger takes only down to the customer's grace floor. A call that stops reporting is
 * closed the same way by the sweeper, charged the time it was authorised.
 */
@Component
class CallClosing {

    /** How a call was closed, as stored and answered. */
    record Closed(
            long durationSeconds,
            long toolCalls,
            List<CostLine> costLines,
            Credits charge,
            Credits settled,
            Credits metered,
            Credits uncollected,
            String fingerprint) {

        String costLinesJson() {
            return new String(ContractJson.toBytes(costLines), StandardCharsets.UTF_8);
        }
    }

    private final CallStore calls;
    private final CallLedger ledger;
    private final Meters meters;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CallClosing(
            CallStore calls,
            CallLedger ledger,
            Meters meters,
            TransactionTemplate transactions,
            Clock clock) {
        this.calls = calls;
        this.ledger = ledger;
        this.meters = meters;
        this.transactions = transactions;
        this.clock = clock;
    }

    String end(String callId, CallEnd end) {
        return transactions.execute(tx -> endLocked(callId, end));
    }

    private String endLocked(String callId, CallEnd end) {
        var call = calls.lock(callId).orElseThrow(() -> CallAdmission.notFound(callId));
        if (call.status() == Call.Status.ENDED) {
            if (end.fingerprint().equals(call.endFingerprint())) {
                return callId;
            }
            throw new Refused(
                    Rejection.EXISTS_WITH_DIFFERENT_PAYLOAD,
                    "call " + callId + " was ended before with other figures");
        }
        if (call.status() == Call.Status.TIMED_OUT) {
            throw new Refused(
                    BillingRefusal.CALL_ENDED,
                    "call " + callId + " stopped reporting and was closed by billing");
        }
        var now = clock.instant();
        requirePlausible(call, end.durationSeconds(), now);
        var charge =
                Rating.agentUsage(
                        end.durationSeconds(),
                        call.pricePerMinute(),
                        end.toolCallsOrZero(),
                        end.lines());
        var closed =
                close(
                        call,
                        end.durationSeconds(),
                        end.toolCallsOrZero(),
                        end.lines(),
                        charge,
                        end.fingerprint());
        calls.close(callId, Call.Status.ENDED, closed, now);
        meter(call, end.durationSeconds(), now);
        return callId;
    }

    /** Closes a call that went quiet: it pays for every minute (and grace) it was authorised. */
    boolean timeOut(String callId) {
        return Boolean.TRUE.equals(transactions.execute(tx -> timeOutLocked(callId)));
    }

    private boolean timeOutLocked(String callId) {
        Optional<Call> locked = calls.lockIfFree(callId);
        var now = clock.instant();
        if (locked.isEmpty()
                || locked.get().status() != Call.Status.ACTIVE
                || !now.isAfter(locked.get().endBy())) {
            return false;
        }
        var call = locked.get();
        var held = Credits.ZERO;
        for (var step : calls.steps(callId)) {
            held = held.plus(step.amount());
        }
        long authorisedSeconds = Duration.between(call.startedAt(), call.endBy()).toSeconds();
        var closed = close(call, authorisedSeconds, 0, List.of(), held, null);
        calls.close(callId, Call.Status.TIMED_OUT, closed, now);
        meter(call, authorisedSeconds, now);
        return true;
    }

    private void meter(Call call, long seconds, Instant now) {
        var channel = call.channel();
        meters.callEnded(call.callId(), channel.resource(), channel.meteredQuantity(seconds), now);
    }

    private Closed close(
            Call call,
            long seconds,
            long toolCalls,
            List<CostLine> lines,
            Credits charge,
            String fingerprint) {
        var holds = calls.steps(call.callId()).stream().filter(CallStep::holds).toList();
        var commands = new ArrayList<LedgerCommand>();
        var settling = new ArrayList<Credits>();
        var rest = charge;
        for (var hold : holds) {
            var take = Credits.min(rest, hold.amount());
            settling.add(take);
            rest = rest.minus(take);
            if (take.isPositive()) {
                commands.add(ledger.settle(call.payer(), hold.reservationId(), take));
            }
        }
        var note = note(call, seconds, toolCalls, lines, charge);
        for (var hold : holds) {
            commands.add(ledger.release(call.payer(), hold.reservationId(), note));
        }
        if (rest.isPositive()) {
            commands.add(ledger.meter(call.payer(), rest, call.callId(), note));
        }
        var answers = ledger.submit(commands);
        var settled = Credits.ZERO;
        int at = 0;
        for (var take : settling) {
            // A hold the ledger's backstop timeout released first cannot be settled any more.
            if (take.isPositive() && answers.get(at++).posted()) {
                settled = settled.plus(take);
            }
        }
        boolean restMetered = rest.isPositive() && answers.get(answers.size() - 1).posted();
        var metered = restMetered ? rest : Credits.ZERO;
        var uncollected = charge.minus(settled).minus(metered);
        return new Closed(
                seconds, toolCalls, lines, charge, settled, metered, uncollected, fingerprint);
    }

    private static void requirePlausible(Call call, long durationSeconds, Instant now) {
        long elapsed = Duration.between(call.startedAt(), now).toSeconds();
        if (durationSeconds > elapsed + CallLimits.MAX_CLOCK_SKEW_SECONDS) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "durationSeconds",
                    "the call started "
                            + elapsed
                            + " s ago; durationSeconds may exceed that by at most "
                            + CallLimits.MAX_CLOCK_SKEW_SECONDS);
        }
    }

    /** The history note of the call's ledger rows: what was used and what it cost. */
    static String note(
            Call call, long seconds, long toolCalls, List<CostLine> lines, Credits charge) {
        var text =
                new StringBuilder(CallAdmission.describe(call))
                        .append(": ")
                        .append(seconds / 60)
                        .append(" min ")
                        .append(seconds % 60)
                        .append(" s, ")
                        .append(toolCalls)
                        .append(" tool calls");
        for (var line : lines) {
            text.append(", ").append(line.kind()).append(' ').append(line.amountUcr());
        }
        text.append("; charged ").append(charge);
        var normalised = Texts.normalised(text.toString());
        int max = Texts.MAX_TEXT_LENGTH;
        return normalised.length() <= max ? normalised : normalised.substring(0, max);
    }
}
