package io.ledgerline.portal.partnerkeys;

import io.ledgerline.contracts.problem.GatewayRefusal;
import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.portal.audit.AuditAction;
import io.ledgerline.portal.audit.AuditEntry;
import io.ledgerline.portal.audit.Audited;
import io.ledgerline.portal.downstream.GatewayClient;
import io.ledgerline.portal.downstream.GatewayClient.AutoTopUpTerms;
import io.ledgerline.portal.downstream.GatewayClient.CustomerBillingTerms;
import io.ledgerline.portal.downstream.GatewayClient.NewPartnerKey;
import io.ledgerline.portal.downstream.GatewayViews.BillingPreview;
import io.ledgerline.portal.downstream.GatewayViews.BudgetPreview;
import io.ledgerline.portal.downstream.GatewayViews.Model;
import io.ledgerline.portal.downstream.GatewayViews.PartnerKey;
import io.ledgerline.portal.partnerkeys.PartnerKeyRequests.BillingQuestion;
import io.ledgerline.portal.partnerkeys.PartnerKeyRequests.BudgetQuestion;
import io.ledgerline.portal.partnerkeys.PartnerKeyRequests.CreateKey;
import io.ledgerline.portal.partnerkeys.PartnerKeyRequests.CustomerBilling;
import io.ledgerline.portal.partnerkeys.PartnerKeyRequests.KeyCommand;
import io.ledgerline.portal.partnerkeys.PartnerKeyRequests.TopUp;
import io.ledgerline.portal.problem.RequestFields;
import io.ledgerline.portal.session.Permission;
import io.ledgerline.portal.session.Permissions;
import io.ledgerline.portal.session.PortalUser;
import io.ledgerline.portal.tenancy.CommandIds;
import io.ledgerline.portal.tenancy.TenantGuard;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * R10, R11: a partner's own AI Gateway keys, for roles with the settings permission (R7). Every
 * write names the partner's own key (checked against its list before anything is sent) or its own
 * customer (checked by the {@link TenantGuard}); a secret is in the create or regenerate answer
 * only, never in the audit log.
 */
@RestController
@RequestMapping("/api/portal/partner/gateway")
class PartnerKeyController {

    /** What the audit log keeps of a key. */
    record KeyRecord(
            String commandId,
            String keyId,
            String name,
            String prefix,
            String status,
            Object budgetUcr,
            String customerId) {

        static KeyRecord of(String commandId, PartnerKey key) {
            return new KeyRecord(
                    commandId,
                    key.keyId(),
                    key.name(),
                    key.prefix(),
                    key.status(),
                    key.budgetUcr(),
                    key.customerId());
        }
    }

    /** Where applications send requests with a key: the gateway's OpenAI-compatible /v1. */
    record QuickStart(String baseUrl) {}

    private final GatewayClient gateway;
    private final TenantGuard guard;
    private final Permissions permissions;
    private final Audited audited;
    private final String publicUrl;

    PartnerKeyController(
            GatewayClient gateway,
            TenantGuard guard,
            Permissions permissions,
            Audited audited,
            @Value("${ledgerline.gateway.public-url}") String publicUrl) {
        this.gateway = gateway;
        this.guard = guard;
        this.permissions = permissions;
        this.audited = audited;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/quick-start")
    QuickStart quickStart(PortalUser user) {
        requireSettings(user);
        return new QuickStart(publicUrl);
    }

    @GetMapping("/keys")
    List<PartnerKey> keys(PortalUser user) {
        return gateway.partnerKeys(requireSettings(user)).stream()
                .map(PartnerKey::withoutSecret)
                .toList();
    }

    /** R10: the models the partner's tier may put on a key. */
    @GetMapping("/models")
    List<Model> models(PortalUser user) {
        return gateway.models(requireSettings(user));
    }

    @PostMapping(path = "/budget-preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    BudgetPreview budgetPreview(PortalUser user, @RequestBody BudgetQuestion body) {
        var partnerId = requireSettings(user);
        return gateway.budgetPreview(
                partnerId, PartnerKeyRequests.positive("budgetUcr", body.budgetUcr()));
    }

    @PostMapping(path = "/billing-preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    BillingPreview billingPreview(PortalUser user, @RequestBody BillingQuestion body) {
        var partnerId = requireSettings(user);
        var question =
                new GatewayClient.BillingQuestion(
                        PartnerKeyRequests.model(body.model()),
                        PartnerKeyRequests.within(
                                "tokensIn",
                                RequestFields.required("tokensIn", body.tokensIn()),
                                PartnerKeyRequests.MAX_TOKENS),
                        PartnerKeyRequests.within(
                                "tokensOut",
                                RequestFields.required("tokensOut", body.tokensOut()),
                                PartnerKeyRequests.MAX_TOKENS),
                        multiplier(body.profitMultiplierPercent()),
                        PartnerKeyRequests.cents("aiCreditPriceCents", body.aiCreditPriceCents()),
                        floor(body.minCostFloorPerMillionTokensUcr()));
        return gateway.billingPreview(partnerId, question);
    }

    @PostMapping(path = "/keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    PartnerKey create(PortalUser user, @RequestBody CreateKey body) {
        var partnerId = requireSettings(user);
        var commandId = CommandIds.scoped(user, body.commandId());
        var key =
                new NewPartnerKey(
                        commandId,
                        RequestFields.text("name", body.name(), PartnerKeyRequests.MAX_NAME_CHARS),
                        PartnerKeyRequests.description(body.description()),
                        PartnerKeyRequests.positive("budgetUcr", body.budgetUcr()),
                        PartnerKeyRequests.models(body.allowedModels()),
                        billing(user, body.customerBilling()),
                        autoTopUp(body.autoTopUp()),
                        PartnerKeyRequests.domains(body.allowedDomains()),
                        PartnerKeyRequests.within(
                                "requestsPerMinute", body.requestsPerMinute(), 1_000_000),
                        PartnerKeyRequests.within(
                                "tokensPerMinute",
                                body.tokensPerMinute(),
                                PartnerKeyRequests.MAX_TOKENS),
                        body.expiresAt());
        return audited.call(
                AuditEntry.by(
                        user,
                        AuditAction.PARTNER_KEY_CREATED,
                        null,
                        null,
                        new KeyRecord(
                                commandId,
                                null,
                                key.name(),
                                null,
                                null,
                                key.budgetUcr(),
                                key.customerBilling() == null
                                        ? null
                                        : key.customerBilling().customerId())),
                () -> gateway.createPartnerKey(partnerId, key),
                created -> KeyRecord.of(commandId, created));
    }

    /** R11: adds budget as a new reservation. */
    @PostMapping(path = "/keys/{keyId}/top-ups", consumes = MediaType.APPLICATION_JSON_VALUE)
    PartnerKey topUp(PortalUser user, @PathVariable String keyId, @RequestBody TopUp body) {
        var partnerId = requireSettings(user);
        var commandId = CommandIds.scoped(user, body.commandId());
        var amount = PartnerKeyRequests.positive("amountUcr", body.amountUcr());
        requireOwnKey(partnerId, keyId);
        return audited.call(
                AuditEntry.by(user, AuditAction.PARTNER_KEY_TOPPED_UP, keyId, null, amount),
                () -> gateway.topUpPartnerKey(partnerId, keyId, commandId, amount),
                key -> KeyRecord.of(commandId, key));
    }

    /** R11: the new secret is in this answer only; the old one stops at once. */
    @PostMapping(path = "/keys/{keyId}/regenerate", consumes = MediaType.APPLICATION_JSON_VALUE)
    PartnerKey regenerate(
            PortalUser user, @PathVariable String keyId, @RequestBody KeyCommand body) {
        var partnerId = requireSettings(user);
        var commandId = CommandIds.scoped(user, body.commandId());
        requireOwnKey(partnerId, keyId);
        return audited.call(
                AuditEntry.by(user, AuditAction.PARTNER_KEY_REGENERATED, keyId, null, null),
                () -> gateway.regeneratePartnerKey(partnerId, keyId, commandId),
                key -> KeyRecord.of(commandId, key));
    }

    /** R11: final; the unused reserve goes back to the partner. */
    @PostMapping(path = "/keys/{keyId}/revoke", consumes = MediaType.APPLICATION_JSON_VALUE)
    PartnerKey revoke(PortalUser user, @PathVariable String keyId, @RequestBody KeyCommand body) {
        var partnerId = requireSettings(user);
        var commandId = CommandIds.scoped(user, body.commandId());
        requireOwnKey(partnerId, keyId);
        return audited.call(
                AuditEntry.by(user, AuditAction.PARTNER_KEY_REVOKED, keyId, null, null),
                () -> gateway.revokePartnerKey(partnerId, keyId, commandId).withoutSecret(),
                key -> KeyRecord.of(commandId, key));
    }

    private String requireSettings(PortalUser user) {
        if (!user.isPartner()) {
            throw new Refused(PortalRefusal.PARTNER_ONLY, "partner keys are a partner's own");
        }
        permissions.require(user, Permission.SETTINGS);
        return user.partnerId();
    }

    /** No write naming another partner's key leaves the portal. */
    private void requireOwnKey(String partnerId, String keyId) {
        PartnerKeyRequests.keyId(keyId);
        if (gateway.partnerKeys(partnerId).stream().noneMatch(k -> k.keyId().equals(keyId))) {
            throw Refused.field(GatewayRefusal.KEY_NOT_FOUND, "keyId", "no such key of yours");
        }
    }

    /** The customer must be this partner's own, in the portal and in the ledger. */
    private CustomerBillingTerms billing(PortalUser user, CustomerBilling billing) {
        if (billing == null) {
            return null;
        }
        var accountId = RequestFields.required("customerBilling.accountId", billing.accountId());
        var customer = guard.customerOf(user, accountId).tenant();
        return new CustomerBillingTerms(
                customer.accountId().substring(customer.accountId().indexOf(':') + 1),
                multiplier(billing.profitMultiplierPercent()),
                PartnerKeyRequests.cents(
                        "customerBilling.aiCreditPriceCents", billing.aiCreditPriceCents()),
                floor(billing.minCostFloorPerMillionTokensUcr()));
    }

    private static AutoTopUpTerms autoTopUp(PartnerKeyRequests.AutoTopUp terms) {
        if (terms == null) {
            return null;
        }
        return new AutoTopUpTerms(
                PartnerKeyRequests.within(
                        "autoTopUp.thresholdUsdCents",
                        RequestFields.required(
                                "autoTopUp.thresholdUsdCents", terms.thresholdUsdCents()),
                        PartnerKeyRequests.MAX_USD_CENTS),
                PartnerKeyRequests.within(
                        "autoTopUp.amountUsdCents",
                        RequestFields.required("autoTopUp.amountUsdCents", terms.amountUsdCents()),
                        PartnerKeyRequests.MAX_USD_CENTS));
    }

    private static Long multiplier(Long percent) {
        return PartnerKeyRequests.within(
                "profitMultiplierPercent", percent, PartnerKeyRequests.MAX_MULTIPLIER_PERCENT);
    }

    private static Long floor(Long ucr) {
        return PartnerKeyRequests.within(
                "minCostFloorPerMillionTokensUcr", ucr, PartnerKeyRequests.MAX_USD_CENTS * 10_000);
    }
}
