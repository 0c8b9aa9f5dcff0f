package io.ledgerline.gateway.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.ledger.Transfer;
import io.ledgerline.contracts.ledger.event.AccountOpened;
import io.ledgerline.contracts.ledger.event.AiCreditsConfigured;
import io.ledgerline.contracts.ledger.event.CreditsAdded;
import io.ledgerline.contracts.ledger.event.EventHash;
import io.ledgerline.contracts.ledger.event.EventHeader;
import io.ledgerline.contracts.ledger.event.ReservationSettled;
import io.ledgerline.contracts.money.Credits;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;

/** The projection as a plain object: feed events, ask questions. */
class LedgerProjectionTest {

    final LedgerProjection projection = new LedgerProjection();
    long sequence;

    @Test
    void folds_balances_settlements_and_customers_and_ignores_redelivered_events() {
        var moved = new ArrayList<Optional<String>>();
        projection.addListener((event, partner) -> moved.add(partner));
        var partner = AccountId.partner("p1");
        var topUp =
                new CreditsAdded(
                        header(partner),
                        new Transfer(
                                LedgerId.PLATFORM,
                                LedgerAccounts.PLATFORM_ISSUANCE,
                                LedgerAccounts.partnerAvailable("p1"),
                                Credits.ofCredits(1_500)),
                        "top-up",
                        null);
        assertThat(projection.apply(topUp)).isTrue();
        assertThat(projection.apply(topUp)).isFalse();
        assertThat(projection.partnerAvailable("p1")).isEqualTo(Credits.ofCredits(1_500));
        assertThat(moved).containsExactly(Optional.of("p1"));

        var customer = AccountId.customer("c1");
        projection.apply(new AccountOpened(header(customer), "p1"));
        projection.apply(
                new AiCreditsConfigured(
                        header(customer), true, Credits.ZERO, 0, Credits.ZERO, false));
        assertThat(projection.customer("c1").orElseThrow().partnerId()).isEqualTo("p1");
        assertThat(projection.customer("c1").orElseThrow().aiCreditsEnabled()).isTrue();

        var settled =
                new ReservationSettled(
                        header(partner),
                        new Transfer(
                                LedgerId.PLATFORM,
                                LedgerAccounts.reservation(partner, "key-k1"),
                                LedgerAccounts.PLATFORM_USAGE_REVENUE,
                                Credits.ofMicros(42)),
                        "key-k1",
                        "req_1");
        projection.apply(settled);
        assertThat(projection.settledFrom("key-k1")).isEqualTo(Credits.ofMicros(42));
        assertThat(LedgerProjection.usageIdOf(settled)).hasValue("req_1");
        assertThat(projection.eventsApplied()).isEqualTo(4);
    }

    private EventHeader header(AccountId account) {
        return new EventHeader(
                "e" + (++sequence),
                account,
                sequence,
                "cmd" + sequence,
                Instant.now(),
                EventHash.GENESIS);
    }
}
