package io.ledgerline.portal.downstream;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.portal.downstream.GatewayViews.BillingPreview;
import io.ledgerline.portal.downstream.GatewayViews.BudgetPreview;
import io.ledgerline.portal.downstream.GatewayViews.GatewayKey;
import io.ledgerline.portal.downstream.GatewayViews.Model;
import io.ledgerline.portal.downstream.GatewayViews.PartnerGatewaySettings;
import io.ledgerline.portal.downstream.GatewayViews.PartnerKey;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.List;

/**
 * The gateway's key management API: a customer's self-service keys (R8), a partner's own keys (R10,
 * R11) and the partner's settings (R12).
 */
public class GatewayClient {

    private static final ParameterizedTypeReference<List<GatewayKey>> KEYS =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Model>> MODELS =
            new ParameterizedTypeReference<>() {};

    /** {@code POST /api/v1/customers/{c}/keys}: R8, no budget. */
    record CreateCustomerKey(String commandId, String name, List<String> allowedModels) {}

    /** {@code POST /api/v1/customers/{c}/keys/{k}/revoke}. */
    record RevokeKey(String commandId) {}

    /** {@code PUT /api/v1/partners/{p}/gateway-settings}: switching off leaves "apply to" alone. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SelfServiceSettings(
            boolean selfServiceEnabled,
            Boolean applyToNewCustomers,
            Boolean applyToExistingCustomers) {

        static SelfServiceSettings of(boolean enabled) {
            return enabled
                    ? new SelfServiceSettings(true, true, true)
                    : new SelfServiceSettings(false, null, null);
        }
    }

    private static final ParameterizedTypeReference<List<PartnerKey>> PARTNER_KEYS =
            new ParameterizedTypeReference<>() {};

    /** {@code POST /api/v1/partners/{p}/keys}: R10, amounts in micro-credits. */
    public record NewPartnerKey(
            String commandId,
            String name,
            String description,
            Credits budgetUcr,
            List<String> allowedModels,
            CustomerBillingTerms customerBilling,
            AutoTopUpTerms autoTopUp,
            List<String> allowedDomains,
            Integer requestsPerMinute,
            Long tokensPerMinute,
            Instant expiresAt) {}

    /** The customer a key bills, by the gateway's customer id, and its terms. */
    public record CustomerBillingTerms(
            String customerId,
            Long profitMultiplierPercent,
            String aiCreditPriceCents,
            Long minCostFloorPerMillionTokensUcr) {}

    /** US cents; 1 cent buys 1 platform credit. */
    public record AutoTopUpTerms(Long thresholdUsdCents, Long amountUsdCents) {}

    /** {@code POST /api/v1/partners/{p}/keys/billing-preview}. */
    public record BillingQuestion(
            String model,
            Long tokensIn,
            Long tokensOut,
            Long profitMultiplierPercent,
            String aiCreditPriceCents,
            Long minCostFloorPerMillionTokensUcr) {}

    record TopUp(String commandId, Credits amountUcr) {}

    record BudgetQuestion(Credits budgetUcr) {}

    private final Downstream gateway;

    GatewayClient(Downstream gateway) {
        this.gateway = gateway;
    }

    public List<GatewayKey> customerKeys(String customerId) {
        return gateway.call(
                rest ->
                        rest.get()
                                .uri("/api/v1/customers/{c}/keys", customerId)
                                .retrieve()
                                .body(KEYS));
    }

    /** R8: a name and allowed models only; the key is pay-as-you-go from the AI credits. */
    public GatewayKey createCustomerKey(
            String customerId, String commandId, String name, List<String> allowedModels) {
        var body = new CreateCustomerKey(commandId, name, allowedModels);
        return gateway.call(
                rest ->
                        rest.post()
                                .uri("/api/v1/customers/{c}/keys", customerId)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(body)
                                .retrieve()
                                .body(GatewayKey.class));
    }

    public GatewayKey revokeCustomerKey(String customerId, String keyId, String commandId) {
        return gateway.call(
                rest ->
                        rest.post()
                                .uri("/api/v1/customers/{c}/keys/{k}/revoke", customerId, keyId)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(new RevokeKey(commandId))
                                .retrieve()
                                .body(GatewayKey.class));
    }

    public PartnerGatewaySettings settings(String partnerId) {
        return gateway.call(
                rest ->
                        rest.get()
                                .uri("/api/v1/partners/{p}/gateway-settings", partnerId)
                                .retrieve()
                                .body(PartnerGatewaySettings.class));
    }

    /** Switching on covers new and existing customers (R12's "apply to" settings). */
    public PartnerGatewaySettings updateSelfService(String partnerId, boolean enabled) {
        var body = SelfServiceSettings.of(enabled);
        return gateway.call(
                rest ->
                        rest.put()
                                .uri("/api/v1/partners/{p}/gateway-settings", partnerId)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(body)
                                .retrieve()
                                .body(PartnerGatewaySettings.class));
    }

    public List<Model> models(String partnerId) {
        return gateway.call(
                rest ->
                        rest.get()
                                .uri("/api/v1/partners/{p}/models", partnerId)
                                .retrieve()
                                .body(MODELS));
    }

    /** R11: the keys table, revoked keys included. */
    public List<PartnerKey> partnerKeys(String partnerId) {
        return gateway.call(
                rest ->
                        rest.get()
                                .uri("/api/v1/partners/{p}/keys?includeRevoked=true", partnerId)
                                .retrieve()
                                .body(PARTNER_KEYS));
    }

    public PartnerKey createPartnerKey(String partnerId, NewPartnerKey key) {
        return gateway.call(
                rest ->
                        rest.post()
                                .uri("/api/v1/partners/{p}/keys", partnerId)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(key)
                                .retrieve()
                                .body(PartnerKey.class));
    }

    public PartnerKey topUpPartnerKey(
            String partnerId, String keyId, String commandId, Credits amount) {
        return gateway.call(
                rest ->
                        rest.post()
                                .uri("/api/v1/partners/{p}/keys/{k}/top-ups", partnerId, keyId)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(new TopUp(commandId, amount))
                                .retrieve()
                                .body(PartnerKey.class));
    }

    /** R11: a new secret, in this answer only; the old one stops at once. */
    public PartnerKey regeneratePartnerKey(String partnerId, String keyId, String commandId) {
        return partnerKeyCommand(partnerId, keyId, "regenerate", commandId);
    }

    /** R11: final; the unused reserve goes back to the partner. */
    public PartnerKey revokePartnerKey(String partnerId, String keyId, String commandId) {
        return partnerKeyCommand(partnerId, keyId, "revoke", commandId);
    }

    public BudgetPreview budgetPreview(String partnerId, Credits budget) {
        return gateway.call(
                rest ->
                        rest.post()
                                .uri("/api/v1/partners/{p}/keys/budget-preview", partnerId)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(new BudgetQuestion(budget))
                                .retrieve()
                                .body(BudgetPreview.class));
    }

    public BillingPreview billingPreview(String partnerId, BillingQuestion question) {
        return gateway.call(
                rest ->
                        rest.post()
                                .uri("/api/v1/partners/{p}/keys/billing-preview", partnerId)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(question)
                                .retrieve()
                                .body(BillingPreview.class));
    }

    private PartnerKey partnerKeyCommand(
            String partnerId, String keyId, String action, String commandId) {
        return gateway.call(
                rest ->
                        rest.post()
                                .uri("/api/v1/partners/{p}/keys/{k}/" + action, partnerId, keyId)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(new RevokeKey(commandId))
                                .retrieve()
                                .body(PartnerKey.class));
    }
}
