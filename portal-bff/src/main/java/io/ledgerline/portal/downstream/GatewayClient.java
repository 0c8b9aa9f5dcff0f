package io.ledgerline.portal.downstream;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.ledgerline.portal.downstream.GatewayViews.GatewayKey;
import io.ledgerline.portal.downstream.GatewayViews.Model;
import io.ledgerline.portal.downstream.GatewayViews.PartnerGatewaySettings;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import java.util.List;

/** The gateway's key management API for a customer's self-service keys (R8). */
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
}
