package io.ledgerline.portal.accounts;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.ledger.Texts;
import io.ledgerline.contracts.ledger.command.AddCredits;
import io.ledgerline.contracts.ledger.command.DeductCredits;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.audit.AuditAction;
import io.ledgerline.portal.audit.AuditEntry;
import io.ledgerline.portal.audit.Audited;
import io.ledgerline.portal.downstream.DownstreamRefusal;
import io.ledgerline.portal.downstream.LedgerClient;
import io.ledgerline.portal.downstream.LedgerViews.CommandOutcome;
import io.ledgerline.portal.problem.RequestFields;
import io.ledgerline.portal.session.Permission;
import io.ledgerline.portal.session.Permissions;
import io.ledgerline.portal.session.PortalUser;
import io.ledgerline.portal.tenancy.CommandIds;
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

    static final int MAX_NOTE_CHARS = Texts.MAX_TEXT_LENGTH;
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

    /** What the audit log keeps of an adjustment: the request, and the balance it left. */
    record AdjustmentRecord(String commandId, Credits amountUcr, String note, Credits balanceUcr) {

        AdjustmentRecord withBalance(Credits balance) {
            return new AdjustmentRecord(commandId, amountUcr, note, balance);
        }
    }

    private final Audited audited;
    private final Permissions permissions;
    private final TenantDirectory tenants;
    private final TenantGuard guard;
    private final LedgerClient ledger;

    PartnerCustomersController(
            TenantDirectory tenants,
            TenantGuard guard,
            LedgerClient ledger,
            Audited audited,
            Permissions permissions) {
        this.permissions = permissions;
        this.audited = audited;
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
            } catch (Refused | DownstreamRefusal refused) {
                // Mapped here but unknown to the ledger, or the ledger names another partner:
                // leave it out of the table rather than fail the whole dashboard.
                log.warn(
                        "customer {} left out of {}'s list: {}",
                        tenant.accountId(),
                        user.partnerId(),
                        refused.getMessage());
            }
        }
        return rows;
    }

    @PostMapping(path = "/{accountId}/credits", consumes = MediaType.APPLICATION_JSON_VALUE)
    Adjusted addCredits(
            PortalUser user, @PathVariable String accountId, @RequestBody Adjustment body) {
        guard.customerOf(user, accountId);
        permissions.require(user, Permission.BILLING);
        var command =
                new AddCredits(
                        CommandIds.scoped(user, body.commandId()),
                        AccountId.of(accountId),
                        positive(body.amountUcr()),
                        RequestFields.text("note", body.note(), MAX_NOTE_CHARS));
        var asked =
                new AdjustmentRecord(
                        command.commandId(), command.amountUcr(), command.note(), null);
        return audited.call(
                AuditEntry.by(user, AuditAction.CREDITS_ADDED, accountId, null, asked),
                () -> Adjusted.of(accountId, ledger.addCredits(command)),
                done -> asked.withBalance(done.balanceUcr()));
    }

    @PostMapping(path = "/{accountId}/deductions", consumes = MediaType.APPLICATION_JSON_VALUE)
    Adjusted deductCredits(
            PortalUser user, @PathVariable String accountId, @RequestBody Adjustment body) {
        guard.customerOf(user, accountId);
        permissions.require(user, Permission.BILLING);
        var command =
                new DeductCredits(
                        CommandIds.scoped(user, body.commandId()),
                        AccountId.of(accountId),
                        positive(body.amountUcr()),
                        RequestFields.text("note", body.note(), MAX_NOTE_CHARS));
        var asked =
                new AdjustmentRecord(
                        command.commandId(), command.amountUcr(), command.reason(), null);
        return audited.call(
                AuditEntry.by(user, AuditAction.CREDITS_DEDUCTED, accountId, null, asked),
                () -> Adjusted.of(accountId, ledger.deductCredits(command)),
                done -> asked.withBalance(done.balanceUcr()));
    }

    private static void requirePartner(PortalUser user) {
        if (!user.isPartner()) {
            throw new Refused(PortalRefusal.PARTNER_ONLY, "only a partner sees its customers");
        }
    }

    private static Credits positive(Credits amount) {
        if (!RequestFields.required("amountUcr", amount).isPositive()) {
            throw Refused.field(
                    Rejection.AMOUNT_MUST_BE_POSITIVE,
                    "amountUcr",
                    "the amount must be above zero");
        }
        return amount;
    }
}
