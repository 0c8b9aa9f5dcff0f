package io.ledgerline.gateway.projection;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.event.AccountOpened;
import io.ledgerline.contracts.ledger.event.AiCreditsConfigured;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.MoneyMoved;
import io.ledgerline.contracts.ledger.event.ReservationSettled;
import io.ledgerline.contracts.ledger.event.UsageMetered;
import io.ledgerline.contracts.money.Credits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the gateway knows about the ledger, folded from {@code ledger.events.v1}: every ledger
 * account's balance, the spend settled from each reservation, and each customer's partner and
 * AI-credit switch. Plain object, one writer (the Kafka listener thread), many lock-free readers
 * (the request path).
 *
 * <p>Events are applied at most once, by (account, sequence): the ledger publishes each account's
 * events in order on one partition, so a redelivered event is never newer than the last one applied
 * for its account. That keeps one number per account in memory, where a set of event ids would grow
 * with every request the gateway ever metered.
 */
public class LedgerProjection {

    private static final Logger log = LoggerFactory.getLogger(LedgerProjection.class);

    /** An account's first event has sequence 0. */
    private static final long NONE_YET = -1;

    private final Map<String, Credits> balances = new ConcurrentHashMap<>();
    private final Map<String, Credits> settledByReservation = new ConcurrentHashMap<>();
    private final Map<String, Customer> customers = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSequenceByAccount = new ConcurrentHashMap<>();
    private final AtomicLong eventsApplied = new AtomicLong();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public record Customer(
            String partnerId, boolean aiCreditsEnabled, java.time.Instant openedAt) {}

    /** Told after each applied event, with the partner whose available balance it moved, if any. */
    public interface Listener {
        void applied(LedgerEvent event, Optional<String> partnerWhoseAvailableMoved);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Applies an event once; a redelivered event changes nothing and returns false. */
    public boolean apply(LedgerEvent event) {
        var header = event.header();
        var last = lastSequenceByAccount.getOrDefault(header.accountId().value(), NONE_YET);
        if (header.sequence() <= last) {
            return false;
        }
        if (header.sequence() != last + 1) {
            log.warn(
                    "ledger events of {} jump from {} to {}: events are missing",
                    header.accountId(),
                    last,
                    header.sequence());
        }
        lastSequenceByAccount.put(header.accountId().value(), header.sequence());
        eventsApplied.incrementAndGet();
        Optional<String> movedPartner = Optional.empty();
        if (event instanceof AccountOpened opened) {
            opened(opened);
        } else if (event instanceof AiCreditsConfigured configured) {
            configured(configured);
        } else if (event instanceof MoneyMoved moved) {
            movedPartner = moved(moved);
        }
        for (var listener : listeners) {
            listener.applied(event, movedPartner);
        }
        return true;
    }

    private void opened(AccountOpened opened) {
        var account = opened.header().accountId();
        if (account.kind() == AccountId.HolderKind.CUSTOMER) {
            var openedAt = opened.header().occurredAt();
            customers.merge(
                    account.holderId(),
                    new Customer(opened.partnerId(), false, openedAt),
                    (old, fresh) ->
                            new Customer(fresh.partnerId(), old.aiCreditsEnabled(), openedAt));
        }
    }

    private void configured(AiCreditsConfigured configured) {
        var account = configured.header().accountId();
        if (account.kind() == AccountId.HolderKind.CUSTOMER) {
            customers.merge(
                    account.holderId(),
                    new Customer(null, configured.enabled(), null),
                    (old, fresh) ->
                            new Customer(old.partnerId(), configured.enabled(), old.openedAt()));
        }
    }

    private Optional<String> moved(MoneyMoved moved) {
        var transfer = moved.transfer();
        balances.merge(transfer.debit(), transfer.amountUcr().negate(), Credits::plus);
        balances.merge(transfer.credit(), transfer.amountUcr(), Credits::plus);
        if (moved instanceof ReservationSettled settled) {
            settledByReservation.merge(
                    settled.reservationId(), transfer.amountUcr(), Credits::plus);
        }
        var holder = moved.header().accountId();
        if (holder.kind() == AccountId.HolderKind.PARTNER) {
            var available = LedgerAccounts.partnerAvailable(holder.holderId());
            if (available.equals(transfer.debit()) || available.equals(transfer.credit())) {
                return Optional.of(holder.holderId());
            }
        }
        return Optional.empty();
    }

    /** The usage id a charge event carries, so in-memory unbilled charges can be cleared. */
    public static Optional<String> usageIdOf(LedgerEvent event) {
        if (event instanceof ReservationSettled settled) {
            return Optional.ofNullable(settled.usageId());
        }
        if (event instanceof UsageMetered metered) {
            return Optional.ofNullable(metered.usageId());
        }
        return Optional.empty();
    }

    public Credits balanceOf(String ledgerAccount) {
        return balances.getOrDefault(ledgerAccount, Credits.ZERO);
    }

    public Credits partnerAvailable(String partnerId) {
        return balanceOf(LedgerAccounts.partnerAvailable(partnerId));
    }

    public Credits customerAiBalance(String customerId) {
        return balanceOf(LedgerAccounts.customerAi(customerId));
    }

    public Credits settledFrom(String reservationId) {
        return settledByReservation.getOrDefault(reservationId, Credits.ZERO);
    }

    public Optional<Customer> customer(String customerId) {
        return Optional.ofNullable(customers.get(customerId));
    }

    public long eventsApplied() {
        return eventsApplied.get();
    }
}
