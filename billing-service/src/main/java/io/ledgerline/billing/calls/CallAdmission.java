package io.ledgerline.billing.calls;

import io.ledgerline.billing.customers.CustomerPartners;
import io.ledgerline.billing.entitlements.Entitlements;
import io.ledgerline.billing.entitlements.Meters;
import io.ledgerline.billing.ledgerclient.LedgerAnswer;
import io.ledgerline.billing.rating.CustomerAiTerms;
import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.money.ExactCredits;
import io.ledgerline.contracts.problem.BillingRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.contracts.rating.Rating;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Admits calls minute by minute (R13). Start and every extension reserve the next minute at the
 * customer's price; a running call the balance cannot cover gets the customer's grace period,
 * reserved as the grace allowance with {@code withinGrace}, which the ledger permits only while the
 * payer's balance would stay at or above minus one grace allowance. Each step runs with its call
 * row locked, so one call's steps never race each other.
 */
@Component
class CallAdmission {

    static final String NO_CREDIT_TO_START =
            "Sorry, there is not enough credit to start this call. Please top up and try again.";
    static final String NO_CREDIT_TO_GO_ON =
            "Your credit has run out, so this call has to end now.";

    private final CallStore calls;
    private final CallLedger ledger;
    private final CustomerAiTerms aiTerms;
    private final CustomerPartners partners;
    private final Entitlements entitlements;
    private final Meters meters;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CallAdmission(
            CallStore calls,
            CallLedger ledger,
            CustomerAiTerms aiTerms,
            CustomerPartners partners,
            Entitlements entitlements,
            Meters meters,
            TransactionTemplate transactions,
            Clock clock) {
        this.calls = calls;
        this.ledger = ledger;
        this.aiTerms = aiTerms;
        this.partners = partners;
        this.entitlements = entitlements;
        this.meters = meters;
        this.transactions = transactions;
        this.clock = clock;
    }

    CallAnswer start(CallStart start) {
        requireCustomerOfPartner(start);
        var terms =
                aiTerms.termsOf(start.customerId())
                        .orElseThrow(
                                () ->
                                        new Refused(
                                                BillingRefusal.CUSTOMER_TERMS_UNKNOWN,
                                                "no AI-credit terms for customer "
                                                        + start.customerId()));
        // R13: while AI credits are off, the partner's platform credits pay, at the same price.
        var payer =
                terms.enabled()
                        ? AccountId.customer(start.customerId())
                        : AccountId.partner(start.partnerId());
        return transactions.execute(tx -> startLocked(start, terms, payer));
    }

    /**
     * The partner named must be the one the ledger opened the customer for, else the partner's
     * platform credits could pay for another partner's customer. An unknown customer gets the same
     * answer, so a partner cannot tell another partner's customers from ids never used.
     */
    private void requireCustomerOfPartner(CallStart start) {
        var partner = partners.partnerOf(start.customerId());
        if (partner.isEmpty() || !partner.get().equals(start.partnerId())) {
            throw new Refused(
                    BillingRefusal.CUSTOMER_NOT_OF_PARTNER,
                    "partner "
                            + start.partnerId()
                            + " has no customer "
                            + start.customerId()
                            + " that billing knows of");
        }
    }

    private CallAnswer startLocked(CallStart start, CustomerAiTerms.Terms terms, AccountId payer) {
        // Milliseconds: what the database keeps exactly, so a replayed answer is the same answer.
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var authorisedUntil = now.plusSeconds(CallLimits.MINUTE_SECONDS);
        var fresh =
                new Call(
                        start.callId(),
                        start.customerId(),
                        start.partnerId(),
                        start.agentId(),
                        start.channel(),
                        payer,
                        terms.pricePerMinute(),
                        terms.graceSeconds(),
                        Call.Status.ACTIVE,
                        0,
                        now,
                        authorisedUntil,
                        null,
                        null);
        boolean isNew = calls.insertIfAbsent(fresh, staleAt(authorisedUntil));
        var call = calls.lock(start.callId()).orElseThrow();
        if (!isNew) {
            if (!call.sameStart(start)) {
                throw new Refused(
                        BillingRefusal.CALL_ID_IN_USE,
                        "call " + start.callId() + " was started for another customer or agent");
            }
            return CallAnswer.of(call.callId(), calls.step(call.callId(), 0).orElseThrow());
        }
        // R19: refused here, the call row rolls back and nothing was held.
        entitlements.requireAllowed(
                start.customerId(), start.channel().resource(), 1, start.environment());
        meters.callStarted(
                call.callId(), call.customerId(), call.agentId(), start.environment(), now);
        var reservationId = CallLedger.minuteReservationId(call.callId(), 0);
        var answer =
                ledger.reserve(
                        payer, reservationId, call.pricePerMinute(), false, purpose(call, 0));
        if (!answer.posted()) {
            throw refusalOf(answer, call, NO_CREDIT_TO_START);
        }
        var step =
                new CallStep(
                        0,
                        CallStep.Kind.MINUTE,
                        reservationId,
                        call.pricePerMinute(),
                        authorisedUntil,
                        null);
        calls.addStep(call.callId(), step, staleAt(authorisedUntil));
        return CallAnswer.of(call.callId(), step);
    }

    CallAnswer extend(String callId, long sequence) {
        return transactions.execute(tx -> extendLocked(callId, sequence));
    }

    private CallAnswer extendLocked(String callId, long sequence) {
        var call = calls.lock(callId).orElseThrow(() -> notFound(callId));
        // A retried extension gets its first answer, even once the call has ended since.
        if (sequence <= call.sequence()) {
            var answered = calls.step(callId, sequence);
            if (answered.isPresent()) {
                return CallAnswer.of(callId, answered.get());
            }
        }
        if (call.status() != Call.Status.ACTIVE) {
            throw new Refused(BillingRefusal.CALL_ENDED, "call " + callId + " has ended");
        }
        if (sequence > call.sequence() + 1) {
            throw new Refused(
                    BillingRefusal.CALL_SEQUENCE_GAP,
                    "call " + callId + " expects sequence " + (call.sequence() + 1));
        }
        var step = call.inGrace() ? againInGrace(call, sequence) : nextMinute(call, sequence);
        calls.addStep(callId, step, staleAt(step.graceUntil(), step.authorisedUntil()));
        return CallAnswer.of(callId, step);
    }

    /** Grace is granted once; asking again within it changes nothing, after it is refused. */
    private CallStep againInGrace(Call call, long sequence) {
        if (clock.instant().isAfter(call.graceUntil())) {
            throw new Refused(
                    BillingRefusal.GRACE_PERIOD_OVER,
                    NO_CREDIT_TO_GO_ON + " (grace period over at " + call.graceUntil() + ")");
        }
        return new CallStep(
                sequence,
                CallStep.Kind.GRACE_AGAIN,
                null,
                Credits.ZERO,
                call.authorisedUntil(),
                call.graceUntil());
    }

    private CallStep nextMinute(Call call, long sequence) {
        var reservationId = CallLedger.minuteReservationId(call.callId(), sequence);
        var answer =
                ledger.reserve(
                        call.payer(),
                        reservationId,
                        call.pricePerMinute(),
                        false,
                        purpose(call, sequence));
        var authorisedUntil = call.authorisedUntil().plusSeconds(CallLimits.MINUTE_SECONDS);
        if (answer.posted()) {
            return new CallStep(
                    sequence,
                    CallStep.Kind.MINUTE,
                    reservationId,
                    call.pricePerMinute(),
                    authorisedUntil,
                    null);
        }
        if (!answer.refusedWith(Rejection.INSUFFICIENT_CREDITS.name())
                || call.graceSeconds() == 0) {
            throw refusalOf(answer, call, NO_CREDIT_TO_GO_ON);
        }
        return grace(call, sequence);
    }

    private CallStep grace(Call call, long sequence) {
        var allowance = graceAllowance(call);
        var reservationId = CallLedger.graceReservationId(call.callId());
        var answer =
                ledger.reserve(
                        call.payer(),
                        reservationId,
                        allowance,
                        true,
                        "grace period of " + describe(call));
        if (!answer.posted()) {
            throw refusalOf(answer, call, NO_CREDIT_TO_GO_ON);
        }
        return new CallStep(
                sequence,
                CallStep.Kind.GRACE,
                reservationId,
                allowance,
                call.authorisedUntil(),
                call.authorisedUntil().plusSeconds(call.graceSeconds()));
    }

    /** The ledger's own formula: price per minute × grace seconds / 60, rounded up. */
    static Credits graceAllowance(Call call) {
        return ExactCredits.perUnit(
                        call.graceSeconds(), call.pricePerMinute(), Rating.SECONDS_PER_MINUTE)
                .roundUp();
    }

    private static RuntimeException refusalOf(LedgerAnswer answer, Call call, String message) {
        if (answer.refusedWith(Rejection.INSUFFICIENT_CREDITS.name())) {
            return new Refused(Rejection.INSUFFICIENT_CREDITS, message);
        }
        if (answer.refusedWith(
                Rejection.EXISTS_WITH_DIFFERENT_PAYLOAD.name(),
                Rejection.RESERVATION_EXISTS.name())) {
            return new Refused(
                    BillingRefusal.CALL_ID_IN_USE,
                    "call " + call.callId() + " was used before for another hold");
        }
        if (answer.refusedWith(Rejection.ACCOUNT_NOT_FOUND.name())) {
            return new Refused(
                    BillingRefusal.CUSTOMER_TERMS_UNKNOWN,
                    "the ledger has no account " + call.payer().value());
        }
        throw new IllegalStateException(
                "ledger refused a hold of call " + call.callId() + " with " + answer.code());
    }

    static Refused notFound(String callId) {
        return new Refused(BillingRefusal.CALL_NOT_FOUND, "no call " + callId);
    }

    private static String purpose(Call call, long sequence) {
        return "minute " + (sequence + 1) + " of " + describe(call);
    }

    static String describe(Call call) {
        return call.channel().name().toLowerCase(java.util.Locale.ROOT)
                + " call "
                + call.callId()
                + " (agent "
                + call.agentId()
                + ")";
    }

    private static Instant staleAt(Instant authorisedUntil) {
        return authorisedUntil.plusSeconds(CallLimits.REPORT_SLACK_SECONDS);
    }

    private static Instant staleAt(Instant graceUntil, Instant authorisedUntil) {
        return staleAt(graceUntil != null ? graceUntil : authorisedUntil);
    }
}
