package io.ledgerline.ledger.history;

import io.ledgerline.contracts.ledger.LedgerId;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.LedgerApiRefusal;
import io.ledgerline.ledger.history.AccountViews.LedgerBalances;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every account balance on one ledger, and their sum (zero when the books balance). */
@RestController
class LedgerQueryController {

    static final int MAX_ACCOUNTS_PAGE_SIZE = 1_000;

    private final ReadSideQueries queries;

    LedgerQueryController(ReadSideQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/ledgers/{ledgerId}/balances")
    LedgerBalances balances(
            @PathVariable String ledgerId,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        var paging = Paging.parse(page, size, MAX_ACCOUNTS_PAGE_SIZE);
        LedgerId ledger;
        try {
            ledger = LedgerId.of(ledgerId);
        } catch (IllegalArgumentException e) {
            throw QueryRejected.field(CommonRefusal.INVALID_ID, "ledgerId", e.getMessage());
        }
        long[] totals = queries.ledgerTotals(ledger.value());
        if (totals[0] == 0) {
            throw QueryRejected.of(
                    LedgerApiRefusal.LEDGER_NOT_FOUND, "no account on ledger " + ledger);
        }
        var accounts = queries.balancesOfLedger(ledger.value(), paging);
        return new LedgerBalances(
                ledger.value(), paging.page(), paging.size(), totals[0], totals[1], accounts);
    }
}
