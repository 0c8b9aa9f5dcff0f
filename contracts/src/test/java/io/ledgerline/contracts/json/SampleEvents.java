package io.ledgerline.contracts.json;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.ledger.Transfer;
import io.ledgerline.contracts.ledger.event.AccountOpened;
import io.ledgerline.contracts.ledger.event.AiCreditsConfigured;
import io.ledgerline.contracts.ledger.event.CreditsAdded;
import io.ledgerline.contracts.ledger.event.CreditsDeducted;
import io.ledgerline.contracts.ledger.event.CreditsReserved;
import io.ledgerline.contracts.ledger.event.EventHash;
import io.ledgerline.contracts.ledger.event.EventHeader;
import io.ledgerline.contracts.ledger.event.KeyDepositReserved;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.ReservationReleased;
import io.ledgerline.contracts.ledger.event.ReservationSettled;
import io.ledgerline.contracts.ledger.event.UsageMetered;
import io.ledgerline.contracts.money.Credits;

import java.time.Instant;
import java.util.List;

/** One realistic instance of every ledger event type, as the ledger writes them. */
public final class SampleEvents {

    static final AccountId PARTNER = AccountId.partner("acme");
    static final AccountId CUSTOMER = AccountId.customer("bistro");
    static final Instant AT = Instant.parse("2026-11-23T10:15:30.123456Z");

    private SampleEvents() {}

    static EventHeader header(AccountId account, long sequence) {
        return new EventHeader(
                "6f1c1c9e-0d5b-4f3e-9a7e-2f1b3c4d5e6f",
                account,
                sequence,
                "cmd-" + sequence,
                AT,
                sequence == 0 ? EventHash.GENESIS : "a".repeat(64));
    }

    public static List<LedgerEvent> all() {
        var platform =
                new Transfer(
                        LedgerId.PLATFORM,
                        LedgerAccounts.PLATFORM_ISSUANCE,
                        LedgerAccounts.partnerAvailable("acme"),
                        Credits.ofCredits(5_000));
        var ai =
                new Transfer(
                        LedgerId.ai("acme"),
                        LedgerAccounts.partnerAiIssuance("acme"),
                        LedgerAccounts.customerAi("bistro"),
                        Credits.parse("12.5"));
        var reserve =
                new Transfer(
                        LedgerId.PLATFORM,
                        LedgerAccounts.partnerAvailable("acme"),
                        LedgerAccounts.reservation(PARTNER, "key-k1"),
                        Credits.ofCredits(200));
        return List.of(
                new AccountOpened(header(PARTNER, 0), "acme"),
                new AiCreditsConfigured(
                        header(CUSTOMER, 1),
                        true,
                        Credits.ofCredits(6),
                        300,
                        Credits.ofCredits(100),
                        true),
                new CreditsAdded(header(CUSTOMER, 2), ai, "Monthly package", null),
                new CreditsDeducted(
                        header(PARTNER, 3), platform, "Refund for failed calls", "evt-1"),
                new UsageMetered(
                        header(CUSTOMER, 4), ai, "req-42", "gpt-4o-mini 1,200 tokens", CUSTOMER),
                new CreditsReserved(header(PARTNER, 5), reserve, "key-k1", "key budget", null),
                new ReservationSettled(header(PARTNER, 6), reserve, "key-k1", "req-43"),
                new ReservationReleased(header(PARTNER, 7), null, "key-k1", "revoked"),
                new KeyDepositReserved(header(PARTNER, 8), reserve, "k2", "key-deposit-k2"));
    }
}
