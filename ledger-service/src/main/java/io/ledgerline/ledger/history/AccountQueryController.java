package io.ledgerline.ledger.history;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.ledger.history.AccountViews.AccountView;
import io.ledgerline.ledger.history.AccountViews.BalanceAsOf;
import io.ledgerline.ledger.history.AccountViews.HistoryPage;
import io.ledgerline.ledger.history.AccountViews.LedgerAccountBalance;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.stream.Stream;

/** Balances, history and "as of" balances of one account holder, from the read side. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}")
class AccountQueryController {

    static final int MAX_HISTORY_PAGE_SIZE = 200;

    private final ReadSideQueries queries;

    AccountQueryController(ReadSideQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    AccountView account(@PathVariable String accountId) {
        var holder = knownHolder(accountId);
        var opened = queries.account(holder.value()).orElseThrow();
        var balances = queries.balancesOfHolder(holder.value());
        var spendableAccount = LedgerAccounts.spendable(holder);
        long spendable =
                balances.stream()
                        .filter(b -> b.ledgerAccount().equals(spendableAccount))
                        .mapToLong(LedgerAccountBalance::balanceUcr)
                        .findFirst()
                        .orElse(0);
        long reserved =
                balances.stream()
                        .filter(b -> LedgerAccounts.isReservation(b.ledgerAccount()))
                        .mapToLong(LedgerAccountBalance::balanceUcr)
                        .reduce(0, Math::addExact);
        var settings = queries.aiSettings(holder.value());
        var lastUpdated =
                Stream.concat(
                                Stream.of(opened.openedAt()),
                                Stream.concat(
                                        balances.stream().map(LedgerAccountBalance::updatedAt),
                                        settings.stream()
                                                .map(AccountViews.AiCreditSettings::updatedAt)))
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
        return new AccountView(
                holder.value(),
                holder.kind().prefix(),
                opened.partnerId(),
                settings.orElse(null),
                balances,
                spendableAccount,
                spendable,
                ReadSideQueries.display(spendable),
                reserved,
                ReadSideQueries.display(reserved),
                lastUpdated);
    }

    @GetMapping("/history")
    HistoryPage history(
            @PathVariable String accountId,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        var paging = Paging.parse(page, size, MAX_HISTORY_PAGE_SIZE);
        var holder = knownHolder(accountId);
        return new HistoryPage(
                holder.value(),
                paging.page(),
                paging.size(),
                queries.historyCount(holder.value()),
                queries.history(holder.value(), paging));
    }

    @GetMapping("/balance")
    BalanceAsOf balanceAsOf(
            @PathVariable String accountId, @RequestParam(required = false) String asOf) {
        var instant = parseInstant(asOf);
        var holder = knownHolder(accountId);
        var spendableAccount = LedgerAccounts.spendable(holder);
        long balance = queries.balanceAsOf(spendableAccount, instant);
        return new BalanceAsOf(
                holder.value(),
                spendableAccount,
                instant,
                balance,
                ReadSideQueries.display(balance));
    }

    private AccountId knownHolder(String accountId) {
        AccountId holder;
        try {
            holder = AccountId.of(accountId);
        } catch (IllegalArgumentException e) {
            throw QueryRejected.field(CommonRefusal.INVALID_ID, "accountId", e.getMessage());
        }
        if (queries.account(holder.value()).isEmpty()) {
            throw QueryRejected.of(Rejection.ACCOUNT_NOT_FOUND, "no account " + holder.value());
        }
        return holder;
    }

    private static Instant parseInstant(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return Instant.now();
        }
        try {
            return Instant.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            throw QueryRejected.field(
                    CommonRefusal.INVALID_PARAMETER,
                    "asOf",
                    "asOf must be an ISO-8601 instant such as 2026-11-23T10:00:00Z: " + asOf);
        }
    }
}
