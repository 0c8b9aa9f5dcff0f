package io.ledgerline.notification.intake;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.event.AccountOpened;
import io.ledgerline.contracts.ledger.event.AiCreditsConfigured;
import io.ledgerline.contracts.ledger.event.HistoryType;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.MoneyMoved;
import io.ledgerline.contracts.ledger.fold.Balances;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.notification.alert.Alert;
import io.ledgerline.notification.alert.AlertKind;
import io.ledgerline.notification.alert.Crossings;
import io.ledgerline.notification.alert.Watch;
import io.ledgerline.notification.alert.Watches;
import io.ledgerline.notification.forecast.RunOut;
import io.ledgerline.notification.forecast.SpendDays;
import io.ledgerline.notification.outbox.AlertFanOut;
import io.ledgerline.notification.recipients.RecipientStore;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Applies one ledger event to its account in one transaction: the balance, the settings, the spend
 * of the day, and every alert the event causes with its deliveries. The event id and the account's
 * sequence both guard against a redelivery, so a record seen twice changes nothing.
 */
@Service
class LedgerEventIntake {

    private final AccountStore accounts;
    private final SpendDays spendDays;
    private final RecipientStore recipients;
    private final AlertFanOut fanOut;

    LedgerEventIntake(
            AccountStore accounts,
            SpendDays spendDays,
            RecipientStore recipients,
            AlertFanOut fanOut) {
        this.accounts = accounts;
        this.spendDays = spendDays;
        this.recipients = recipients;
        this.fanOut = fanOut;
    }

    @Transactional
    public void apply(LedgerEvent event) {
        var header = event.header();
        if (!accounts.firstTimeSeen(header.eventId())) {
            return;
        }
        var state = accounts.lockOrCreate(header.accountId().value(), header.occurredAt());
        if (header.sequence() <= state.lastSequence()) {
            return;
        }
        state = state.withSequence(header.sequence());
        if (event instanceof AccountOpened opened) {
            accounts.save(state.withPartner(opened.partnerId()), null);
        } else if (event instanceof AiCreditsConfigured settings) {
            accounts.save(configure(state, settings), null);
        } else if (event instanceof MoneyMoved moved) {
            move(state, moved);
        }
    }

    private static AccountState configure(AccountState state, AiCreditsConfigured settings) {
        var armed = EnumSet.copyOf(state.armed());
        var threshold = settings.lowCreditThresholdUcr();
        // A new threshold is no crossing: it is armed only if the balance is above it now.
        armed.remove(AlertKind.LOW_CREDIT);
        if (threshold == null || state.balanceUcr().isGreaterThan(threshold)) {
            armed.add(AlertKind.LOW_CREDIT);
        }
        return state.withSettings(threshold, settings.lowCreditNotifications(), armed);
    }

    private void move(AccountState state, MoneyMoved moved) {
        var holder = AccountId.of(state.accountId());
        var delta = deltaOf(moved, LedgerAccounts.spendable(holder));
        var balance = state.balanceUcr().plus(delta);
        var occurredAt = moved.header().occurredAt();
        var day = LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
        var spent = spentBy(moved.historyType(), delta);
        if (!spent.isZero()) {
            spendDays.add(state.accountId(), day, spent);
        }
        var settings = recipients.of(state.accountId());
        var watches =
                holder.kind() == AccountId.HolderKind.CUSTOMER
                        ? Watches.customer(state.thresholdUcr())
                        : Watches.partner(settings.reserveWarningUcr());
        var outcome = Crossings.evaluate(state.armed(), balance.ucr(), watches);
        var fired = new ArrayList<>(sendable(state, holder, outcome.fired()));
        var armed = outcome.armed();
        Long daysLeft = null;
        if (settings.runOutAlertDays() != null) {
            var history = spendDays.since(state.accountId(), day.minusDays(RunOut.WINDOW_DAYS));
            var firstSeen = LocalDate.ofInstant(state.firstSeenAt(), ZoneOffset.UTC);
            var forecast = RunOut.of(balance, history, firstSeen, day);
            daysLeft = forecast.daysLeft();
            long forCrossing = daysLeft == null ? Long.MAX_VALUE : daysLeft;
            var runOut =
                    Crossings.evaluate(
                            armed, forCrossing, Watches.runOut(settings.runOutAlertDays()));
            fired.addAll(runOut.fired());
            armed = runOut.armed();
        }
        var next = state.withBalance(balance, armed);
        accounts.save(next, delta.isZero() ? null : occurredAt);
        for (var kind : fired) {
            fanOut.send(alertOf(kind, next, moved, levelOf(kind, watches), daysLeft));
        }
    }

    /** A customer's alerts go out only while its notifications are on (R13, R15). */
    private static List<AlertKind> sendable(
            AccountState state, AccountId holder, List<AlertKind> fired) {
        boolean customer = holder.kind() == AccountId.HolderKind.CUSTOMER;
        return customer && !state.notificationsOn() ? List.of() : fired;
    }

    /** The holder's spendable balance after the transfer less before it, by the contracts' fold. */
    private static Credits deltaOf(MoneyMoved moved, String spendable) {
        var transfer = moved.transfer();
        return transfer == null
                ? Credits.ZERO
                : new Balances().apply(transfer).balanceOf(spendable);
    }

    /** Usage and reservations burn credits; a release gives some back; the rest is no burn. */
    private static Credits spentBy(HistoryType type, Credits delta) {
        return switch (type) {
            case USED, RESERVED, RELEASED -> delta.negate();
            case ADDED, DEDUCTED -> Credits.ZERO;
        };
    }

    private static Credits levelOf(AlertKind kind, List<Watch> watches) {
        return watches.stream()
                .filter(watch -> watch.kind() == kind)
                .map(watch -> Credits.ofMicros(watch.level()))
                .findFirst()
                .orElse(null);
    }

    private static Alert alertOf(
            AlertKind kind, AccountState state, MoneyMoved cause, Credits level, Long daysLeft) {
        var partner =
                AccountId.of(state.accountId()).kind() == AccountId.HolderKind.PARTNER
                        ? AccountId.of(state.accountId()).holderId()
                        : state.partnerId();
        return new Alert(
                Alert.idOf(kind, cause.header().eventId()),
                kind,
                state.accountId(),
                partner,
                cause.header().occurredAt(),
                state.balanceUcr(),
                level,
                null,
                kind == AlertKind.RUN_OUT_FORECAST ? daysLeft : null,
                null);
    }
}
