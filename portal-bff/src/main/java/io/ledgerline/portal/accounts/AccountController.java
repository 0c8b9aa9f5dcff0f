package io.ledgerline.portal.accounts;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.downstream.LedgerClient;
import io.ledgerline.portal.downstream.LedgerViews.HistoryPage;
import io.ledgerline.portal.session.PortalUser;
import io.ledgerline.portal.tenancy.TenantGuard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Balance and history of one account the signed-in user may read. */
@RestController
@RequestMapping("/api/portal/accounts/{accountId}")
class AccountController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 100_000;

    private final TenantGuard guard;
    private final LedgerClient ledger;

    AccountController(TenantGuard guard, LedgerClient ledger) {
        this.guard = guard;
        this.ledger = ledger;
    }

    @GetMapping
    AccountSummary account(PortalUser user, @PathVariable String accountId) {
        return AccountSummary.of(guard.readable(user, accountId));
    }

    @GetMapping("/history")
    HistoryPage history(
            PortalUser user,
            @PathVariable String accountId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw Refused.field(CommonRefusal.INVALID_PAGING, "page", "page 0.." + MAX_PAGE);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Refused.field(CommonRefusal.INVALID_PAGING, "size", "size 1.." + MAX_PAGE_SIZE);
        }
        guard.readable(user, accountId);
        return ledger.history(accountId, page, size);
    }
}
