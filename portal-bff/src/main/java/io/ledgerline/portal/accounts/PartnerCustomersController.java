package io.ledgerline.portal.accounts;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.portal.downstream.LedgerClient;
import io.ledgerline.portal.downstream.LedgerViews.CommandOutcome;
import io.ledgerline.portal.problem.PortalProblem;
import io.ledgerline.portal.problem.TextFields;
import io.ledgerline.portal.session.PortalUser;
import io.ledgerline.portal.tenancy.TenantDirectory;
import io.ledgerline.portal.tenancy.TenantGuard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** R13: a partner's customers and their AI credits; add with a note, deduct with a reason. */
@RestController
@RequestMapping("/api/portal/partner/customers")
class PartnerCustomersController {

    static final int MAX_NOTE_CHARS = 500;
    private static final Logger log = LoggerFactory.getLogger(PartnerCustomersController.class);

    record Adjustment(String commandId, Credits amountUcr, String note) {}

    /**
     * What the form shows at once: the customer's balance right after the command, from the
     * ledger's own answer (its read side may take a moment longer to show it).
     */
    record Adjusted(String commandId, String outcome, Credits balanceUcr) {

        static Adjusted of(String accountId, CommandOutcome outcome) {
            var spendable = LedgerAccounts.spendable(AccountId.of(accountId));
            var balances = outcome.balancesUcr();
            return new Adjusted(
                    outcome.commandId(),
                    outcome.outcome(),
                    balances == null ? null : balances.get(spendable));
        }
    }

    private final TenantDirectory tenants;
    private final TenantGuard guard;
    private final LedgerClient ledger;

    PartnerCustomersController(TenantDirectory tenants, TenantGuard guard, LedgerClient ledger) {
        this.tenants = tenants;
        this.guard = guard;
        this.ledger = ledger;
    }

    @GetMapping
    List<AccountSummary> customers(PortalUser user) {
        requirePartner(user);
        var rows = new ArrayList<AccountSummary>();
        for (var tenant : tenants.customersOf(user.partnerId())) {
            try {
                rows.add(AccountSummary.of(guard.customerOf(user, tenant.accountId())));
            } catch (PortalProblem refused) {
                // Mapped here but unknown to the ledger, or the ledger names another partner:
                // leave it out of the table rather than fail the whole dashboard.
                log.warn(
                        "customer {} left out of {}'s list: {} {}",
                        tenant.accountId(),
                        user.partnerId(),
                        refused.code(),
                        refused.getMessage());
            }
        }
        return rows;
    }

    @PostMapping(path = "/{accountId}/credits", consumes = MediaType.APPLICATION_JSON_VALUE)
    Adjusted addCredits(
            PortalUser user, @PathVariable String accountId, @RequestBody Adjustment body) {
        guard.customerOf(user, accountId);
        return Adjusted.of(
                accountId,
                ledger.addCredits(
                        accountId,
                        CommandIds.scoped(user, body.commandId()),
                        positive(body.amountUcr()),
                        text(body.note(), "a note", "INVALID_NOTE")));
    }

    @PostMapping(path = "/{accountId}/deductions", consumes = MediaType.APPLICATION_JSON_VALUE)
    Adjusted deductCredits(
            PortalUser user, @PathVariable String accountId, @RequestBody Adjustment body) {
        guard.customerOf(user, accountId);
        return Adjusted.of(
                accountId,
                ledger.deductCredits(
                        accountId,
                        CommandIds.scoped(user, body.commandId()),
                        positive(body.amountUcr()),
                        text(body.note(), "a reason", "INVALID_REASON")));
    }

    private static void requirePartner(PortalUser user) {
        if (!user.isPartner()) {
            throw PortalProblem.forbidden("PARTNER_ONLY", "only a partner sees its customers");
        }
    }

    private static Credits positive(Credits amount) {
        if (amount == null || !amount.isPositive()) {
            throw new PortalProblem(422, "INVALID_AMOUNT", "the amount must be above zero");
        }
        return amount;
    }

    private static String text(String value, String what, String code) {
        if (value == null
                || value.isBlank()
                || value.length() > MAX_NOTE_CHARS
                || !TextFields.multiLine(value)) {
            throw PortalProblem.badRequest(
                    code, what + " of 1-" + MAX_NOTE_CHARS + " characters is needed");
        }
        return value.strip();
    }
}
