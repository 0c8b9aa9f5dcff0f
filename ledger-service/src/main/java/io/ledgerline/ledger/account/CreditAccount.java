package io.ledgerline.ledger.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.AccountId.HolderKind;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.ledger.Transfer;
import io.ledgerline.contracts.ledger.command.AddCredits;
import io.ledgerline.contracts.ledger.command.CommandResult;
import io.ledgerline.contracts.ledger.command.ConfigureAiCredits;
import io.ledgerline.contracts.ledger.command.DeductCredits;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.contracts.ledger.command.MeterUsage;
import io.ledgerline.contracts.ledger.command.OpenAccount;
import io.ledgerline.contracts.ledger.command.ReleaseReservation;
import io.ledgerline.contracts.ledger.command.ReserveCredits;
import io.ledgerline.contracts.ledger.command.ReserveKeyDeposit;
import io.ledgerline.contracts.ledger.command.ReverseTransfer;
import io.ledgerline.contracts.ledger.command.SettleReservation;
import io.ledgerline.contracts.ledger.event.AccountOpened;
import io.ledgerline.contracts.ledger.event.AiCreditsConfigured;
import io.ledgerline.contracts.ledger.event.CreditsAdded;
import io.ledgerline.contracts.ledger.event.CreditsDeducted;
import io.ledgerline.contracts.ledger.event.CreditsReserved;
import io.ledgerline.contracts.ledger.event.EventHash;
import io.ledgerline.contracts.ledger.event.EventHeader;
import io.ledgerline.contracts.ledger.event.KeyDepositReserved;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.MoneyMoved;
import io.ledgerline.contracts.ledger.event.ReservationReleased;
import io.ledgerline.contracts.ledger.event.ReservationSettled;
import io.ledgerline.contracts.ledger.event.UsageMetered;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.ledger.reservation.Reservations;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A partner's or customer's credit account: the one writer for the balances it holds. It decides
 * every movement that takes credit out of its spendable account or its reservations; the other leg
 * of each transfer is a system account that never refuses. Refusals are returned as values and
 * append nothing; accepted commands apply exactly one event.
 */
@Aggregate(cache = "accountCache")
public class CreditAccount {

    private static final String HASH_METADATA_KEY = "hash";

    @AggregateIdentifier private String id;
    private AccountId accountId;
    private String partnerId;
    private long nextSequence;
    private String lastHash = EventHash.GENESIS;
    private String lastEventId;
    private AiCreditSettings ai = AiCreditSettings.DISABLED;
    private final Map<String, Credits> balances = new HashMap<>();
    private final Reservations reservations = new Reservations();
    private final Map<String, MoneyMoved> reversible = new HashMap<>();
    private final Set<String> reversed = new HashSet<>();

    protected CreditAccount() {
        // For Axon's event sourcing.
    }

    @CommandHandler
    public CreditAccount(OpenAccount command) {
        var header =
                new EventHeader(
                        UUID.randomUUID().toString(),
                        command.accountId(),
                        0,
                        command.commandId(),
                        now(),
                        EventHash.GENESIS);
        applyWithHash(new AccountOpened(header, command.partnerId()));
    }

    @CommandHandler
    public CommandResult handle(ConfigureAiCredits command) {
        if (accountId.kind() != HolderKind.CUSTOMER) {
            return refuse(
                    command, Rejection.ACCOUNT_KIND_NOT_ALLOWED, "AI credits are set per customer");
        }
        return post(
                command,
                new AiCreditsConfigured(
                        header(command),
                        command.enabled(),
                        command.pricePerMinuteUcr(),
                        command.graceSeconds(),
                        command.lowCreditThresholdUcr(),
                        command.lowCreditNotifications()));
    }

    @CommandHandler
    public CommandResult handle(AddCredits command) {
        if (isCustomer() && !ai.enabled()) {
            return refuse(
                    command,
                    Rejection.AI_CREDITS_DISABLED,
                    "enable AI credits for this customer before adding credits");
        }
        if (wouldOverflow(command.amountUcr())) {
            return refuse(command, Rejection.AMOUNT_OVERFLOW, "the balance would overflow");
        }
        return post(
                command,
                new CreditsAdded(
                        header(command), issue(command.amountUcr()), command.note(), null));
    }

    @CommandHandler
    public CommandResult handle(DeductCredits command) {
        if (spendable().isLessThan(command.amountUcr())) {
            return insufficient(command, command.amountUcr(), spendable());
        }
        return post(
                command,
                new CreditsDeducted(
                        header(command), redeem(command.amountUcr()), command.reason(), null));
    }

    @CommandHandler
    public CommandResult handle(ReverseTransfer command) {
        var original = reversible.get(command.eventId());
        if (original == null) {
            return refuse(
                    command,
                    Rejection.REVERSAL_TARGET_NOT_FOUND,
                    "no addition or deduction " + command.eventId() + " on " + accountId);
        }
        if (reversed.contains(command.eventId())) {
            return refuse(
                    command,
                    Rejection.ALREADY_REVERSED,
                    command.eventId() + " was reversed already");
        }
        var amount = original.transfer().amountUcr();
        if (original instanceof CreditsAdded) {
            if (spendable().isLessThan(amount)) {
                return insufficient(command, amount, spendable());
            }
            return post(
                    command,
                    new CreditsDeducted(
                            header(command), redeem(amount), command.reason(), command.eventId()));
        }
        if (wouldOverflow(amount)) {
            return refuse(command, Rejection.AMOUNT_OVERFLOW, "the balance would overflow");
        }
        return post(
                command,
                new CreditsAdded(
                        header(command), issue(amount), command.reason(), command.eventId()));
    }

    @CommandHandler
    public CommandResult handle(
            MeterUsage command,
            @MetaDataValue(ChargedUsage.CHARGED_BEFORE) Boolean usageChargedBefore) {
        if (isCustomer() && !ai.enabled()) {
            return refuse(
                    command,
                    Rejection.AI_CREDITS_DISABLED,
                    "usage of a customer without AI credits is charged to its partner");
        }
        return meter(command, accountId, usageChargedBefore);
    }

    /** Usage of a customer without AI credits, drawn on this partner's platform credits (R13). */
    @CommandHandler
    public CommandResult handle(
            ChargeCustomerUsageToPartner command,
            @MetaDataValue(ChargedUsage.CHARGED_BEFORE) Boolean usageChargedBefore) {
        if (isCustomer()) {
            return refuse(
                    command.usage(),
                    Rejection.ACCOUNT_KIND_NOT_ALLOWED,
                    "only a partner pays for a customer");
        }
        return meter(command.usage(), command.usage().accountId(), usageChargedBefore);
    }

    @CommandHandler
    public CommandResult handle(ReserveCredits command) {
        if (reservations.isKnown(command.reservationId())) {
            return refuse(
                    command,
                    Rejection.RESERVATION_EXISTS,
                    "reservation " + command.reservationId() + " exists");
        }
        var floor =
                command.withinGrace() && isCustomer() ? ai.graceAllowance().negate() : Credits.ZERO;
        if (!covers(floor, command.amountUcr())) {
            return insufficient(command, command.amountUcr(), spendable());
        }
        var expiresAt =
                command.timeoutSeconds() == 0 ? null : now().plusSeconds(command.timeoutSeconds());
        var transfer =
                new Transfer(
                        ledger(),
                        spendableAccount(),
                        LedgerAccounts.reservation(accountId, command.reservationId()),
                        command.amountUcr());
        return post(
                command,
                new CreditsReserved(
                        header(command),
                        transfer,
                        command.reservationId(),
                        command.purpose(),
                        expiresAt));
    }

    @CommandHandler
    public CommandResult handle(ReserveKeyDeposit command) {
        if (isCustomer()) {
            return refuse(
                    command,
                    Rejection.ACCOUNT_KIND_NOT_ALLOWED,
                    "key deposits are reserved from a partner");
        }
        var reservationId = ReserveKeyDeposit.reservationIdFor(command.keyId());
        if (reservations.isKnown(reservationId)) {
            return refuse(
                    command,
                    Rejection.RESERVATION_EXISTS,
                    "key " + command.keyId() + " has a deposit already");
        }
        var deposit = ReserveKeyDeposit.KEY_DEPOSIT;
        if (spendable().isLessThan(deposit)) {
            return insufficient(command, deposit, spendable());
        }
        var transfer =
                new Transfer(
                        ledger(),
                        spendableAccount(),
                        LedgerAccounts.reservation(accountId, reservationId),
                        deposit);
        return post(
                command,
                new KeyDepositReserved(header(command), transfer, command.keyId(), reservationId));
    }

    @CommandHandler
    public CommandResult handle(
            SettleReservation command,
            @MetaDataValue(ChargedUsage.CHARGED_BEFORE) Boolean usageChargedBefore) {
        var refusal = checkOpen(command, command.reservationId());
        if (refusal != null) {
            return refusal;
        }
        var remaining = reservations.remaining(command.reservationId());
        if (remaining.isLessThan(command.amountUcr())) {
            return refuse(
                    command,
                    Rejection.SETTLEMENT_EXCEEDS_RESERVATION,
                    "settling " + command.amountUcr() + " but only " + remaining + " is reserved");
        }
        if (Boolean.TRUE.equals(usageChargedBefore)) {
            return usageAlreadyCharged(command, command.usageId());
        }
        var transfer =
                new Transfer(
                        ledger(),
                        reservations.heldIn(command.reservationId()),
                        revenueAccount(),
                        command.amountUcr());
        return post(
                command,
                new ReservationSettled(
                        header(command), transfer, command.reservationId(), command.usageId()));
    }

    @CommandHandler
    public CommandResult handle(ReleaseReservation command) {
        var refusal = checkOpen(command, command.reservationId());
        if (refusal != null) {
            return refusal;
        }
        var remaining = reservations.remaining(command.reservationId());
        var transfer =
                remaining.isPositive()
                        ? new Transfer(
                                ledger(),
                                reservations.heldIn(command.reservationId()),
                                spendableAccount(),
                                remaining)
                        : null;
        return post(
                command,
                new ReservationReleased(
                        header(command), transfer, command.reservationId(), command.reason()));
    }

    /**
     * Whether usage of this customer is charged to its partner because AI credits are off (R13).
     */
    public boolean chargesUsageToPartner() {
        return isCustomer() && !ai.enabled();
    }

    public String lastEventId() {
        return lastEventId;
    }

    private CommandResult meter(MeterUsage usage, AccountId usedBy, Boolean usageChargedBefore) {
        if (Boolean.TRUE.equals(usageChargedBefore)) {
            return usageAlreadyCharged(usage, usage.usageId());
        }
        var floor = isCustomer() ? ai.graceAllowance().negate() : Credits.ZERO;
        if (!covers(floor, usage.amountUcr())) {
            return insufficient(usage, usage.amountUcr(), spendable());
        }
        var transfer =
                new Transfer(ledger(), spendableAccount(), revenueAccount(), usage.amountUcr());
        return post(
                usage,
                new UsageMetered(
                        header(usage), transfer, usage.usageId(), usage.description(), usedBy));
    }

    private CommandResult checkOpen(LedgerCommand command, String reservationId) {
        if (reservations.isClosed(reservationId)) {
            return refuse(
                    command,
                    Rejection.RESERVATION_CLOSED,
                    "reservation " + reservationId + " is closed");
        }
        if (!reservations.isOpen(reservationId)) {
            return refuse(
                    command, Rejection.RESERVATION_NOT_FOUND, "no reservation " + reservationId);
        }
        return null;
    }

    // ---- event sourcing: the only place state changes ----

    @EventSourcingHandler
    void on(AccountOpened event) {
        this.id = event.header().accountId().value();
        this.accountId = event.header().accountId();
        this.partnerId = event.partnerId();
        advance(event);
    }

    @EventSourcingHandler
    void on(AiCreditsConfigured event) {
        this.ai =
                new AiCreditSettings(
                        event.enabled(), event.pricePerMinuteUcr(), event.graceSeconds());
        advance(event);
    }

    @EventSourcingHandler
    void on(MoneyMoved event) {
        var transfer = event.transfer();
        if (transfer != null) {
            book(transfer.debit(), transfer.amountUcr().negate());
            book(transfer.credit(), transfer.amountUcr());
        }
        if (event instanceof CreditsAdded added) {
            trackReversible(added, added.reversalOf());
        } else if (event instanceof CreditsDeducted deducted) {
            trackReversible(deducted, deducted.reversalOf());
        } else if (event instanceof CreditsReserved reserved) {
            reservations.opened(reserved.reservationId(), transfer);
        } else if (event instanceof KeyDepositReserved deposit) {
            reservations.opened(deposit.reservationId(), transfer);
        } else if (event instanceof ReservationSettled settled) {
            reservations.settled(settled.reservationId(), transfer.amountUcr());
        } else if (event instanceof ReservationReleased released) {
            reservations.released(released.reservationId());
        }
        advance(event);
    }

    private void trackReversible(MoneyMoved event, String reversalOf) {
        if (reversalOf == null) {
            reversible.put(event.header().eventId(), event);
        } else {
            reversed.add(reversalOf);
        }
    }

    private void book(String account, Credits delta) {
        if (owns(account)) {
            balances.merge(account, delta, Credits::plus);
        }
    }

    private void advance(LedgerEvent event) {
        if (event.header().sequence() != nextSequence) {
            throw new IllegalStateException(
                    "account "
                            + id
                            + " expected sequence "
                            + nextSequence
                            + " but event "
                            + event.header().eventId()
                            + " has "
                            + event.header().sequence());
        }
        nextSequence++;
        lastHash = EventHash.of(event);
        lastEventId = event.header().eventId();
    }

    // ---- helpers ----

    private CommandResult post(LedgerCommand command, LedgerEvent event) {
        applyWithHash(event);
        var after = new HashMap<String, Credits>();
        after.put(spendableAccount(), spendable());
        event.movement()
                .map(Transfer::credit)
                .filter(this::owns)
                .ifPresent(account -> after.put(account, balanceOf(account)));
        event.movement()
                .map(Transfer::debit)
                .filter(this::owns)
                .ifPresent(account -> after.put(account, balanceOf(account)));
        return CommandResult.posted(command.commandId(), List.of(event.header().eventId()), after);
    }

    private static void applyWithHash(LedgerEvent event) {
        apply(event, MetaData.with(HASH_METADATA_KEY, EventHash.of(event)));
    }

    private CommandResult refuse(LedgerCommand command, Rejection rejection, String detail) {
        return CommandResult.refused(command.commandId(), rejection, detail);
    }

    private CommandResult insufficient(LedgerCommand command, Credits wanted, Credits available) {
        return refuse(
                command,
                Rejection.INSUFFICIENT_CREDITS,
                "needs " + wanted + " but " + available + " is available on " + accountId);
    }

    /** The next event's header; always this account's, even for a command naming a customer. */
    private EventHeader header(LedgerCommand command) {
        return new EventHeader(
                UUID.randomUUID().toString(),
                accountId,
                nextSequence,
                command.commandId(),
                now(),
                lastHash);
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private boolean isCustomer() {
        return accountId.kind() == HolderKind.CUSTOMER;
    }

    /**
     * Whether the spendable balance covers {@code amount} without going below {@code floor} (zero,
     * or minus the grace allowance). Written as floor + amount ≤ spendable: floor ≤ 0 < amount, so
     * the sum cannot overflow where spendable − amount could.
     */
    private boolean covers(Credits floor, Credits amount) {
        return !spendable().isLessThan(floor.plus(amount));
    }

    private CommandResult usageAlreadyCharged(LedgerCommand command, String usageId) {
        return refuse(
                command,
                Rejection.USAGE_ALREADY_CHARGED,
                "usage " + usageId + " was charged on " + accountId + " before");
    }

    private boolean wouldOverflow(Credits amount) {
        return Long.MAX_VALUE - amount.ucr() < spendable().ucr();
    }

    private boolean owns(String account) {
        return account.equals(spendableAccount())
                || account.startsWith(LedgerAccounts.reservation(accountId, ""));
    }

    private Credits balanceOf(String account) {
        return balances.getOrDefault(account, Credits.ZERO);
    }

    private Credits spendable() {
        return balanceOf(spendableAccount());
    }

    private String spendableAccount() {
        return LedgerAccounts.spendable(accountId);
    }

    private LedgerId ledger() {
        return isCustomer() ? LedgerId.ai(partnerId) : LedgerId.PLATFORM;
    }

    /** Where credits come from when added (and go back to when deducted). */
    private String issuanceAccount() {
        return isCustomer()
                ? LedgerAccounts.partnerAiIssuance(partnerId)
                : LedgerAccounts.PLATFORM_ISSUANCE;
    }

    /** Where spent credits go. */
    private String revenueAccount() {
        return isCustomer()
                ? LedgerAccounts.partnerAiRevenue(partnerId)
                : LedgerAccounts.PLATFORM_USAGE_REVENUE;
    }

    private Transfer issue(Credits amount) {
        return new Transfer(ledger(), issuanceAccount(), spendableAccount(), amount);
    }

    private Transfer redeem(Credits amount) {
        return new Transfer(ledger(), spendableAccount(), issuanceAccount(), amount);
    }
}
