package io.ledgerline.notification.support;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.ledger.Transfer;
import io.ledgerline.contracts.ledger.event.AccountOpened;
import io.ledgerline.contracts.ledger.event.AiCreditsConfigured;
import io.ledgerline.contracts.ledger.event.CreditsAdded;
import io.ledgerline.contracts.ledger.event.EventHeader;
import io.ledgerline.contracts.ledger.event.LedgerEvent;
import io.ledgerline.contracts.ledger.event.UsageMetered;
import io.ledgerline.contracts.money.Credits;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Made-up ledger events with the ids, sequences and transfers the ledger would give them. */
public final class LedgerStream {

    private final Map<String, Long> sequences = new HashMap<>();

    private EventHeader next(AccountId account) {
        long sequence = sequences.merge(account.value(), 1L, Long::sum) - 1;
        return new EventHeader(
                UUID.randomUUID().toString(),
                account,
                sequence,
                "cmd-" + UUID.randomUUID(),
                Instant.now(),
                "0".repeat(64));
    }

    public LedgerEvent open(AccountId account, String partnerId) {
        return new AccountOpened(next(account), partnerId);
    }

    public LedgerEvent configure(AccountId customer, long thresholdCredits, boolean notify) {
        return new AiCreditsConfigured(
                next(customer),
                true,
                Credits.ofCredits(1),
                60,
                Credits.ofCredits(thresholdCredits),
                notify);
    }

    public LedgerEvent addAi(AccountId customer, String partnerId, long credits) {
        var transfer =
                new Transfer(
                        LedgerId.ai(partnerId),
                        LedgerAccounts.partnerAiIssuance(partnerId),
                        LedgerAccounts.customerAi(customer.holderId()),
                        Credits.ofCredits(credits));
        return new CreditsAdded(next(customer), transfer, "top-up", null);
    }

    public LedgerEvent useAi(AccountId customer, String partnerId, long credits) {
        var transfer =
                new Transfer(
                        LedgerId.ai(partnerId),
                        LedgerAccounts.customerAi(customer.holderId()),
                        LedgerAccounts.partnerAiRevenue(partnerId),
                        Credits.ofCredits(credits));
        return new UsageMetered(
                next(customer), transfer, "u-" + UUID.randomUUID(), "chat", customer);
    }

    public LedgerEvent topUpPartner(AccountId partner, long credits) {
        var transfer =
                new Transfer(
                        LedgerId.PLATFORM,
                        LedgerAccounts.PLATFORM_ISSUANCE,
                        LedgerAccounts.partnerAvailable(partner.holderId()),
                        Credits.ofCredits(credits));
        return new CreditsAdded(next(partner), transfer, "quick buy", null);
    }

    public LedgerEvent usePartner(AccountId partner, long credits) {
        var transfer =
                new Transfer(
                        LedgerId.PLATFORM,
                        LedgerAccounts.partnerAvailable(partner.holderId()),
                        LedgerAccounts.PLATFORM_USAGE_REVENUE,
                        Credits.ofCredits(credits));
        return new UsageMetered(next(partner), transfer, "u-" + UUID.randomUUID(), "chat", partner);
    }
}
