package io.ledgerline.portal.customerfeatures;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.command.ConfigureAiCredits;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.audit.AuditAction;
import io.ledgerline.portal.audit.AuditEntry;
import io.ledgerline.portal.audit.Audited;
import io.ledgerline.portal.customerfeatures.FeatureRules.Lock;
import io.ledgerline.portal.downstream.LedgerClient;
import io.ledgerline.portal.downstream.LedgerViews.AiCreditSettings;
import io.ledgerline.portal.problem.RequestFields;
import io.ledgerline.portal.session.Permission;
import io.ledgerline.portal.session.Permissions;
import io.ledgerline.portal.session.PortalUser;
import io.ledgerline.portal.tenancy.AiGatewayAccess;
import io.ledgerline.portal.tenancy.AiGatewayAccess.Check;
import io.ledgerline.portal.tenancy.CommandIds;
import io.ledgerline.portal.tenancy.TenantGuard;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * A customer's Manage panel beyond its credits: Features & Add-ons (R2-R6), the AI Credit
 * Management settings kept by the ledger (R13), and why the customer does or does not see the AI
 * Gateway (R5's four conditions, in the order a partner confirms them). Reading needs the partner
 * to own the customer; changing needs the settings permission (R7).
 */
@RestController
@RequestMapping("/api/portal/partner/customers/{accountId}")
class CustomerFeaturesController {

    static final int MAX_APPS = 20;
    static final int MAX_APP_CHARS = 64;
    static final long MAX_GRACE_SECONDS = 86_400;

    record FeaturesView(
            String accountId,
            CustomerFeatures features,
            List<Lock> locked,
            AiCreditSettings aiCredits) {}

    record FeaturesUpdate(
            Boolean customerPortalEnabled,
            Boolean knowledgeBase,
            Boolean phoneNumbers,
            Boolean integration,
            List<String> integrationApps,
            Boolean myDocsAndMedia,
            Boolean apiAccess,
            Boolean apiKeysVisible,
            Boolean aiGatewayVisible,
            Boolean showPricing) {}

    record AiCreditsUpdate(
            String commandId,
            Boolean enabled,
            Credits pricePerMinuteUcr,
            Long graceSeconds,
            Credits lowCreditThresholdUcr,
            Boolean lowCreditNotifications) {}

    /** The first condition that is not met names why the customer has no AI Gateway. */
    record AiGatewayCheck(boolean visible, String failing, String explanation, List<Check> checks) {

        static AiGatewayCheck of(List<Check> checks) {
            var failing = checks.stream().filter(check -> !check.met()).findFirst();
            return new AiGatewayCheck(
                    failing.isEmpty(),
                    failing.map(check -> check.condition().name()).orElse(null),
                    failing.map(check -> "Not met: " + check.label())
                            .orElse("All four conditions are met: the customer sees AI Gateway"),
                    checks);
        }
    }

    private final TenantGuard guard;
    private final Permissions permissions;
    private final FeatureStore store;
    private final CustomerSettings settings;
    private final AiGatewayAccess access;
    private final LedgerClient ledger;
    private final Audited audited;

    CustomerFeaturesController(
            TenantGuard guard,
            Permissions permissions,
            FeatureStore store,
            CustomerSettings settings,
            AiGatewayAccess access,
            LedgerClient ledger,
            Audited audited) {
        this.guard = guard;
        this.permissions = permissions;
        this.store = store;
        this.settings = settings;
        this.access = access;
        this.ledger = ledger;
        this.audited = audited;
    }

    @GetMapping("/features")
    FeaturesView features(PortalUser user, @PathVariable String accountId) {
        var account = guard.customerOf(user, accountId).account();
        return view(accountId, account.aiCreditsEnabled(), account.aiCredits());
    }

    @PutMapping(path = "/features", consumes = MediaType.APPLICATION_JSON_VALUE)
    FeaturesView changeFeatures(
            PortalUser user, @PathVariable String accountId, @RequestBody FeaturesUpdate body) {
        var account = guard.customerOf(user, accountId).account();
        permissions.require(user, Permission.SETTINGS);
        var wanted = wanted(body);
        FeatureRules.requireUnlocked(wanted, account.aiCreditsEnabled());
        settings.change(user, accountId, wanted);
        return view(accountId, account.aiCreditsEnabled(), account.aiCredits());
    }

    /** R13's settings; turning AI credits on turns Show Pricing off (R6). */
    @PutMapping(path = "/ai-credits", consumes = MediaType.APPLICATION_JSON_VALUE)
    FeaturesView changeAiCredits(
            PortalUser user, @PathVariable String accountId, @RequestBody AiCreditsUpdate body) {
        var before = guard.customerOf(user, accountId).account().aiCredits();
        permissions.require(user, Permission.SETTINGS);
        var command =
                new ConfigureAiCredits(
                        CommandIds.scoped(user, body.commandId()),
                        AccountId.of(accountId),
                        RequestFields.required("enabled", body.enabled()),
                        notNegative("pricePerMinuteUcr", body.pricePerMinuteUcr()),
                        graceSeconds(body.graceSeconds()),
                        notNegative("lowCreditThresholdUcr", body.lowCreditThresholdUcr()),
                        RequestFields.required(
                                "lowCreditNotifications", body.lowCreditNotifications()));
        var after =
                new AiCreditSettings(
                        command.enabled(),
                        command.pricePerMinuteUcr(),
                        command.graceSeconds(),
                        command.lowCreditThresholdUcr(),
                        command.lowCreditNotifications());
        audited.call(
                AuditEntry.by(user, AuditAction.AI_CREDITS_CONFIGURED, accountId, before, after),
                () -> ledger.configureAiCredits(command),
                outcome -> after);
        if (command.enabled()) {
            store.hidePricing(accountId);
        }
        return view(accountId, command.enabled(), after);
    }

    /** R5: why the customer does or does not see AI Gateway, condition by condition. */
    @GetMapping("/ai-gateway-check")
    AiGatewayCheck aiGatewayCheck(PortalUser user, @PathVariable String accountId) {
        return AiGatewayCheck.of(access.checks(guard.customerOf(user, accountId)));
    }

    private FeaturesView view(String accountId, boolean aiCredits, AiCreditSettings aiSettings) {
        var stored = store.of(accountId);
        return new FeaturesView(
                accountId,
                FeatureRules.effective(stored, aiCredits),
                FeatureRules.locks(stored, aiCredits),
                aiSettings);
    }

    private static CustomerFeatures wanted(FeaturesUpdate body) {
        return new CustomerFeatures(
                RequestFields.required("customerPortalEnabled", body.customerPortalEnabled()),
                RequestFields.required("knowledgeBase", body.knowledgeBase()),
                RequestFields.required("phoneNumbers", body.phoneNumbers()),
                RequestFields.required("integration", body.integration()),
                apps(body.integrationApps()),
                RequestFields.required("myDocsAndMedia", body.myDocsAndMedia()),
                RequestFields.required("apiAccess", body.apiAccess()),
                RequestFields.required("apiKeysVisible", body.apiKeysVisible()),
                RequestFields.required("aiGatewayVisible", body.aiGatewayVisible()),
                RequestFields.required("showPricing", body.showPricing()));
    }

    private static List<String> apps(List<String> apps) {
        if (apps == null) {
            return List.of();
        }
        if (apps.size() > MAX_APPS) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "integrationApps",
                    "at most " + MAX_APPS + " integration apps");
        }
        var distinct = new LinkedHashSet<String>();
        for (var app : apps) {
            distinct.add(RequestFields.text("integrationApps", app, MAX_APP_CHARS));
        }
        return List.copyOf(distinct);
    }

    private static Credits notNegative(String field, Credits amount) {
        if (RequestFields.required(field, amount).isNegative()) {
            throw Refused.field(CommonRefusal.OUT_OF_RANGE, field, field + " must not be negative");
        }
        return amount;
    }

    private static long graceSeconds(Long seconds) {
        long value = RequestFields.required("graceSeconds", seconds);
        if (value < 0 || value > MAX_GRACE_SECONDS) {
            throw Refused.field(
                    CommonRefusal.OUT_OF_RANGE,
                    "graceSeconds",
                    "graceSeconds must be between 0 and " + MAX_GRACE_SECONDS);
        }
        return value;
    }
}
