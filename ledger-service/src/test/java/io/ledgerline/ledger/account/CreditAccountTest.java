package io.ledgerline.ledger.account;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.ledger.Transfer;
import io.ledgerline.contracts.ledger.command.AddCredits;
import io.ledgerline.contracts.ledger.command.CommandResult;
import io.ledgerline.contracts.ledger.command.ConfigureAiCredits;
import io.ledgerline.contracts.ledger.command.DeductCredits;
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
import io.ledgerline.contracts.ledger.event.KeyDepositReserved;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.ReservationReleased;
import io.ledgerline.contracts.ledger.event.ReservationSettled;
import io.ledgerline.contracts.ledger.event.UsageMetered;
import io.ledgerline.contracts.money.Credits;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

/**
 * Given past events, when a command, then the event it appends or the code it refuses with. Every
 * refusal appends nothing.
 */
class CreditAccountTest {

    static final AccountId PARTNER = AccountId.partner("acme");
    static final AccountId CUSTOMER = AccountId.customer("bistro");
    static final Credits HUNDRED = Credits.ofCredits(100);

    AggregateTestFixture<CreditAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CreditAccount.class);
        fixture.registerCommandTargetResolver(new AccountTargetResolver());
    }

    static AccountHistory partnerWith(Credits available) {
        var history = new AccountHistory(PARTNER).then(h -> new AccountOpened(h, "acme"));
        if (available.isPositive()) {
            history.then(
                    h ->
                            new CreditsAdded(
                                    h,
                                    new Transfer(
                                            LedgerId.PLATFORM,
                                            LedgerAccounts.PLATFORM_ISSUANCE,
                                            LedgerAccounts.partnerAvailable("acme"),
                                            available),
                                    "top-up",
                                    null));
        }
        return history;
    }

    static AccountHistory customerWith(boolean aiEnabled, Credits balance, long graceSeconds) {
        var history =
                new AccountHistory(CUSTOMER)
                        .then(h -> new AccountOpened(h, "acme"))
                        .then(
                                h ->
                                        new AiCreditsConfigured(
                                                h,
                                                aiEnabled,
                                                Credits.ofCredits(6),
                                                graceSeconds,
                                                Credits.ofCredits(10),
                                                true));
        if (balance.isPositive()) {
            history.then(
                    h ->
                            new CreditsAdded(
                                    h,
                                    new Transfer(
                                            LedgerId.ai("acme"),
                                            LedgerAccounts.partnerAiIssuance("acme"),
                                            LedgerAccounts.customerAi("bistro"),
                                            balance),
                                    "package",
                                    null));
        }
        return history;
    }

    ResultValidator<CreditAccount> refused(List<Object> given, Object command, Rejection code) {
        return fixture.given(given)
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(
                        matching(
                                CommandResult.class,
                                r ->
                                        r.outcome() == CommandResult.Outcome.REFUSED
                                                && r.rejection() == code));
    }

    <E extends LedgerEvent> void posted(
            List<Object> given, Object command, Class<E> type, Predicate<E> check) {
        fixture.given(given)
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(
                        matching(CommandResult.class, CommandResult::isPosted))
                .expectEventsMatching(
                        new BaseMatcher<
                                List<? super org.axonframework.eventhandling.EventMessage<?>>>() {
                            @Override
                            public boolean matches(Object actual) {
                                var messages = (List<?>) actual;
                                if (messages.size() != 1) {
                                    return false;
                                }
                                var payload =
                                        ((org.axonframework.eventhandling.EventMessage<?>)
                                                        messages.get(0))
                                                .getPayload();
                                return type.isInstance(payload) && check.test(type.cast(payload));
                            }

                            @Override
                            public void describeTo(Description description) {
                                description.appendText(
                                        "exactly one " + type.getSimpleName() + " as expected");
                            }
                        });
    }

    static <T> BaseMatcher<T> matching(Class<T> type, Predicate<T> predicate) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return type.isInstance(actual) && predicate.test(type.cast(actual));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " as expected");
            }
        };
    }

    @Nested
    class Opening {

        @Test
        void opens_an_account_whose_first_event_starts_the_hash_chain() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccount("c1", PARTNER, "acme"))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(
                            new BaseMatcher<>() {
                                @Override
                                public boolean matches(Object actual) {
                                    var payload =
                                            ((org.axonframework.eventhandling.EventMessage<?>)
                                                            ((List<?>) actual).get(0))
                                                    .getPayload();
                                    return payload instanceof AccountOpened opened
                                            && opened.header().sequence() == 0
                                            && opened.header().prevHash().equals(EventHash.GENESIS)
                                            && opened.partnerId().equals("acme");
                                }

                                @Override
                                public void describeTo(Description description) {
                                    description.appendText(
                                            "AccountOpened at sequence 0 with the genesis hash");
                                }
                            });
        }
    }

    @Nested
    class AddingAndDeducting {

        @Test
        void R13_adds_platform_credits_to_a_partner_with_a_note() {
            var history = partnerWith(Credits.ZERO);
            posted(
                    history.events(),
                    new AddCredits("c", PARTNER, HUNDRED, "Quick Buy"),
                    CreditsAdded.class,
                    e ->
                            e.transfer().amountUcr().equals(HUNDRED)
                                    && e.transfer()
                                            .credit()
                                            .equals(LedgerAccounts.partnerAvailable("acme"))
                                    && e.note().equals("Quick Buy")
                                    && e.header().prevHash().equals(EventHash.of(history.last())));
        }

        @Test
        void R13_adds_ai_credits_to_a_customer_from_its_partners_ai_issuance() {
            posted(
                    customerWith(true, Credits.ZERO, 0).events(),
                    new AddCredits("c", CUSTOMER, HUNDRED, "pkg"),
                    CreditsAdded.class,
                    e ->
                            e.transfer().ledger().equals(LedgerId.ai("acme"))
                                    && e.transfer()
                                            .debit()
                                            .equals(LedgerAccounts.partnerAiIssuance("acme")));
        }

        @Test
        void R13_refuses_to_add_credits_while_ai_credits_are_disabled() {
            refused(
                    customerWith(false, Credits.ZERO, 0).events(),
                    new AddCredits("c", CUSTOMER, HUNDRED, "pkg"),
                    Rejection.AI_CREDITS_DISABLED);
        }

        @Test
        void refuses_an_addition_that_would_overflow_the_balance() {
            refused(
                    partnerWith(HUNDRED).events(),
                    new AddCredits("c", PARTNER, Credits.ofMicros(Long.MAX_VALUE), "x"),
                    Rejection.AMOUNT_OVERFLOW);
        }

        @Test
        void R13_deducts_with_a_reason() {
            posted(
                    partnerWith(HUNDRED).events(),
                    new DeductCredits("c", PARTNER, Credits.ofCredits(40), "refund"),
                    CreditsDeducted.class,
                    e -> e.reason().equals("refund") && e.reversalOf() == null);
        }

        @Test
        void refuses_a_deduction_below_zero() {
            refused(
                    partnerWith(HUNDRED).events(),
                    new DeductCredits("c", PARTNER, Credits.ofCredits(101), "x"),
                    Rejection.INSUFFICIENT_CREDITS);
        }
    }

    @Nested
    class Reversals {

        @Test
        void reverses_an_addition_by_a_deduction_that_references_it() {
            var history = partnerWith(HUNDRED);
            var added = history.last().header().eventId();
            posted(
                    history.events(),
                    new ReverseTransfer("c", PARTNER, added, "duplicate top-up"),
                    CreditsDeducted.class,
                    e -> added.equals(e.reversalOf()) && e.transfer().amountUcr().equals(HUNDRED));
        }

        @Test
        void refuses_to_reverse_an_unknown_event() {
            refused(
                    partnerWith(HUNDRED).events(),
                    new ReverseTransfer("c", PARTNER, "nope", "x"),
                    Rejection.REVERSAL_TARGET_NOT_FOUND);
        }

        @Test
        void refuses_to_reverse_twice() {
            var history = partnerWith(HUNDRED);
            var added = history.last().header().eventId();
            history.then(
                    h ->
                            new CreditsDeducted(
                                    h,
                                    new Transfer(
                                            LedgerId.PLATFORM,
                                            LedgerAccounts.partnerAvailable("acme"),
                                            LedgerAccounts.PLATFORM_ISSUANCE,
                                            HUNDRED),
                                    "r",
                                    added));
            refused(
                    history.events(),
                    new ReverseTransfer("c", PARTNER, added, "again"),
                    Rejection.ALREADY_REVERSED);
        }
    }

    @Nested
    class Usage {

        @Test
        void R13_charges_usage_to_the_customers_ai_credits_into_its_grace_allowance() {
            // 6 credits a minute, 30 s grace: 3 credits below zero are allowed.
            posted(
                    customerWith(true, Credits.ofCredits(1), 30).events(),
                    new MeterUsage("c", CUSTOMER, Credits.ofCredits(4), "u1", "call"),
                    UsageMetered.class,
                    e ->
                            e.transfer().credit().equals(LedgerAccounts.partnerAiRevenue("acme"))
                                    && e.usedBy().equals(CUSTOMER));
        }

        @Test
        void refuses_usage_beyond_the_grace_allowance() {
            refused(
                    customerWith(true, Credits.ofCredits(1), 30).events(),
                    new MeterUsage("c", CUSTOMER, Credits.parse("4.000001"), "u1", "call"),
                    Rejection.INSUFFICIENT_CREDITS);
        }

        @Test
        void R13_partner_pays_the_usage_of_a_customer_without_ai_credits() {
            var usage = new MeterUsage("c", CUSTOMER, Credits.ofCredits(5), "u1", "call");
            posted(
                    partnerWith(HUNDRED).events(),
                    new ChargeCustomerUsageToPartner(PARTNER, usage),
                    UsageMetered.class,
                    e ->
                            e.usedBy().equals(CUSTOMER)
                                    && e.header().accountId().equals(PARTNER)
                                    && e.transfer()
                                            .debit()
                                            .equals(LedgerAccounts.partnerAvailable("acme")));
        }

        @Test
        void a_customer_without_ai_credits_does_not_take_usage_itself() {
            refused(
                    customerWith(false, Credits.ZERO, 0).events(),
                    new MeterUsage("c", CUSTOMER, Credits.ofCredits(1), "u1", "call"),
                    Rejection.AI_CREDITS_DISABLED);
        }

        @Test
        void case5_usage_whose_id_was_charged_before_is_refused_and_appends_nothing() {
            fixture.given(partnerWith(HUNDRED).events())
                    .when(
                            new MeterUsage("other-id", PARTNER, Credits.ofCredits(1), "u1", "call"),
                            ChargedUsage.chargedBefore(true))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(
                            matching(
                                    CommandResult.class,
                                    r -> r.rejection() == Rejection.USAGE_ALREADY_CHARGED));
        }

        @Test
        void case5_a_partner_paying_for_a_customer_refuses_a_usage_charged_before() {
            var usage = new MeterUsage("other-id", CUSTOMER, Credits.ofCredits(1), "u1", "call");
            fixture.given(partnerWith(HUNDRED).events())
                    .when(
                            new ChargeCustomerUsageToPartner(PARTNER, usage),
                            ChargedUsage.chargedBefore(true))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(
                            matching(
                                    CommandResult.class,
                                    r -> r.rejection() == Rejection.USAGE_ALREADY_CHARGED));
        }

        @Test
        void a_partner_has_no_overdraft() {
            refused(
                    partnerWith(Credits.ofCredits(1)).events(),
                    new MeterUsage("c", PARTNER, Credits.parse("1.000001"), "u1", "key"),
                    Rejection.INSUFFICIENT_CREDITS);
        }
    }

    @Nested
    class Reservations {

        AccountHistory reserved(Credits amount) {
            return partnerWith(HUNDRED)
                    .then(
                            h ->
                                    new CreditsReserved(
                                            h,
                                            new Transfer(
                                                    LedgerId.PLATFORM,
                                                    LedgerAccounts.partnerAvailable("acme"),
                                                    LedgerAccounts.reservation(PARTNER, "r1"),
                                                    amount),
                                            "r1",
                                            "lease",
                                            null));
        }

        @Test
        void reserves_into_a_reservation_account() {
            posted(
                    partnerWith(HUNDRED).events(),
                    new ReserveCredits(
                            "c", PARTNER, "r1", Credits.ofCredits(30), 60, "lease", false),
                    CreditsReserved.class,
                    e ->
                            e.expiresAt() != null
                                    && e.transfer()
                                            .credit()
                                            .equals(LedgerAccounts.reservation(PARTNER, "r1")));
        }

        @Test
        void refuses_a_reservation_beyond_the_balance() {
            refused(
                    partnerWith(HUNDRED).events(),
                    new ReserveCredits(
                            "c", PARTNER, "r1", Credits.ofCredits(101), 60, "lease", false),
                    Rejection.INSUFFICIENT_CREDITS);
        }

        @Test
        void refuses_a_reservation_id_used_before() {
            refused(
                    reserved(Credits.ofCredits(10)).events(),
                    new ReserveCredits(
                            "c", PARTNER, "r1", Credits.ofCredits(1), 60, "lease", false),
                    Rejection.RESERVATION_EXISTS);
        }

        @Test
        void settles_part_of_a_reservation() {
            posted(
                    reserved(Credits.ofCredits(10)).events(),
                    new SettleReservation("c", PARTNER, "r1", Credits.ofCredits(4), "req-1"),
                    ReservationSettled.class,
                    e ->
                            e.transfer().debit().equals(LedgerAccounts.reservation(PARTNER, "r1"))
                                    && e.transfer()
                                            .credit()
                                            .equals(LedgerAccounts.PLATFORM_USAGE_REVENUE));
        }

        @Test
        void refuses_to_settle_more_than_is_reserved() {
            refused(
                    reserved(Credits.ofCredits(10)).events(),
                    new SettleReservation("c", PARTNER, "r1", Credits.parse("10.000001"), "req-1"),
                    Rejection.SETTLEMENT_EXCEEDS_RESERVATION);
        }

        @Test
        void case5_a_settlement_whose_usage_id_was_charged_before_is_refused() {
            fixture.given(reserved(Credits.ofCredits(10)).events())
                    .when(
                            new SettleReservation(
                                    "other-id", PARTNER, "r1", Credits.ofCredits(4), "req-1"),
                            ChargedUsage.chargedBefore(true))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(
                            matching(
                                    CommandResult.class,
                                    r -> r.rejection() == Rejection.USAGE_ALREADY_CHARGED));
        }

        @Test
        void an_unknown_reservation_is_named_before_a_usage_charged_before() {
            fixture.given(partnerWith(HUNDRED).events())
                    .when(
                            new SettleReservation(
                                    "other-id", PARTNER, "r9", Credits.ofCredits(1), "req-1"),
                            ChargedUsage.chargedBefore(true))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(
                            matching(
                                    CommandResult.class,
                                    r -> r.rejection() == Rejection.RESERVATION_NOT_FOUND));
        }

        @Test
        void refuses_to_settle_an_unknown_reservation() {
            refused(
                    partnerWith(HUNDRED).events(),
                    new SettleReservation("c", PARTNER, "r9", Credits.ofCredits(1), "req-1"),
                    Rejection.RESERVATION_NOT_FOUND);
        }

        @Test
        void releases_the_rest_after_a_partial_settlement() {
            var history =
                    reserved(Credits.ofCredits(10))
                            .then(
                                    h ->
                                            new ReservationSettled(
                                                    h,
                                                    new Transfer(
                                                            LedgerId.PLATFORM,
                                                                    LedgerAccounts.reservation(
                                                                            PARTNER, "r1"),
                                                            LedgerAccounts.PLATFORM_USAGE_REVENUE,
                                                                    Credits.ofCredits(4)),
                                                    "r1",
                                                    "req-1"));
            posted(
                    history.events(),
                    new ReleaseReservation("c", PARTNER, "r1", "done"),
                    ReservationReleased.class,
                    e ->
                            e.transfer().amountUcr().equals(Credits.ofCredits(6))
                                    && e.transfer()
                                            .credit()
                                            .equals(LedgerAccounts.partnerAvailable("acme")));
        }

        @Test
        void refuses_to_use_a_closed_reservation() {
            var history =
                    reserved(Credits.ofCredits(10))
                            .then(
                                    h ->
                                            new ReservationReleased(
                                                    h,
                                                    new Transfer(
                                                            LedgerId.PLATFORM,
                                                            LedgerAccounts.reservation(
                                                                    PARTNER, "r1"),
                                                            LedgerAccounts.partnerAvailable("acme"),
                                                            Credits.ofCredits(10)),
                                                    "r1",
                                                    "done"));
            refused(
                    history.events(),
                    new SettleReservation("c", PARTNER, "r1", Credits.ofCredits(1), "req"),
                    Rejection.RESERVATION_CLOSED);
        }
    }

    @Nested
    class KeyDeposits {

        @Test
        void R9_reserves_a_1000_credit_deposit_per_customer_created_key() {
            posted(
                    partnerWith(Credits.ofCredits(2_500)).events(),
                    new ReserveKeyDeposit("c", PARTNER, "k1"),
                    KeyDepositReserved.class,
                    e ->
                            e.transfer().amountUcr().equals(Credits.ofCredits(1_000))
                                    && e.reservationId().equals("key-deposit-k1"));
        }

        @Test
        void R9_refuses_a_deposit_the_partner_cannot_cover() {
            refused(
                    partnerWith(Credits.ofCredits(999)).events(),
                    new ReserveKeyDeposit("c", PARTNER, "k1"),
                    Rejection.INSUFFICIENT_CREDITS);
        }

        @Test
        void refuses_a_key_deposit_on_a_customer() {
            refused(
                    customerWith(true, HUNDRED, 0).events(),
                    new ReserveKeyDeposit("c", CUSTOMER, "k1"),
                    Rejection.ACCOUNT_KIND_NOT_ALLOWED);
        }
    }

    @Nested
    class Settings {

        @Test
        void R13_records_ai_credit_settings_of_a_customer() {
            posted(
                    customerWith(false, Credits.ZERO, 0).events(),
                    new ConfigureAiCredits(
                            "c",
                            CUSTOMER,
                            true,
                            Credits.ofCredits(6),
                            300,
                            Credits.ofCredits(100),
                            true),
                    AiCreditsConfigured.class,
                    e -> e.enabled() && e.graceSeconds() == 300);
        }

        @Test
        void refuses_ai_credit_settings_on_a_partner() {
            refused(
                    partnerWith(HUNDRED).events(),
                    new ConfigureAiCredits(
                            "c",
                            PARTNER,
                            true,
                            Credits.ofCredits(6),
                            300,
                            Credits.ofCredits(100),
                            true),
                    Rejection.ACCOUNT_KIND_NOT_ALLOWED);
        }
    }
}
