package io.ledgerline.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.contracts.money.Credits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's management API (partner keys, customer self-service keys, settings) on its internal
 * listener, as the operator with {@code gateway.read} and {@code gateway.keys}; and raw
 * OpenAI-style calls on its public {@code /v1} listener with a key, for what the OpenAI SDK does
 * not show (headers such as the request id).
 */
public final class GatewayApi extends JsonHttp {

    public static final String REQUEST_ID = "x-request-id";
    public static final String COST = "x-ledgerline-cost-credits";

    private final JsonHttp openAi;

    GatewayApi(String managementUrl, String publicUrl) {
        super(managementUrl, OperatorTokens.withScopes("gateway.read", "gateway.keys"));
        this.openAi = new JsonHttp(publicUrl);
    }

    /** R10/R12 settings: the partner's tier and customer self-service for new and existing. */
    public void configurePartner(String partnerId, String tier, boolean selfService) {
        var body = new LinkedHashMap<String, Object>();
        body.put("tier", tier);
        body.put("selfServiceEnabled", selfService);
        body.put("applyToNewCustomers", true);
        body.put("applyToExistingCustomers", true);
        var reply = put("/api/v1/partners/" + partnerId + "/gateway-settings", body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /** R10: a partner key; answers the created key with its secret. */
    public Reply createPartnerKey(String partnerId, Credits budget, List<String> models) {
        return createPartnerKey(partnerId, budget, models, Map.of());
    }

    /** R10: a partner key with further fields (requestsPerMinute, allowedDomains, ...). */
    public Reply createPartnerKey(
            String partnerId, Credits budget, List<String> models, Map<String, Object> more) {
        var body = new LinkedHashMap<String, Object>();
        body.put("commandId", LedgerApi.commandId("create"));
        body.put("name", "system test key");
        body.put("description", "created by the system tests");
        body.put("budgetUcr", budget.ucr());
        body.put("allowedModels", models);
        body.putAll(more);
        return post("/api/v1/partners/" + partnerId + "/keys", body);
    }

    /** R8/R12: a customer self-service key, with a caller-chosen command id for retries. */
    public Reply createCustomerKey(String customerId, String commandId, List<String> models) {
        return post(
                "/api/v1/customers/" + customerId + "/keys",
                Map.of("commandId", commandId, "name", "my key", "allowedModels", models));
    }

    public Reply revokePartnerKey(String partnerId, String keyId) {
        return post(
                "/api/v1/partners/" + partnerId + "/keys/" + keyId + "/revoke",
                Map.of("commandId", LedgerApi.commandId("revoke")));
    }

    public Reply regeneratePartnerKey(String partnerId, String keyId) {
        return post(
                "/api/v1/partners/" + partnerId + "/keys/" + keyId + "/regenerate",
                Map.of("commandId", LedgerApi.commandId("regen")));
    }

    public Reply partnerKey(String partnerId, String keyId) {
        return get("/api/v1/partners/" + partnerId + "/keys/" + keyId);
    }

    /** One chat completion with the raw HTTP API; the reply carries the request id header. */
    public Reply chat(String secret, String model, String prompt, int maxTokens) {
        var body = JSON.createObjectNode().put("model", model).put("max_tokens", maxTokens);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        return openAi.post(
                "/v1/chat/completions",
                body.toString(),
                Map.of("Authorization", "Bearer " + secret));
    }

    public static String secretOf(Reply created) {
        return text(created.body(), "secret");
    }

    public static String keyIdOf(Reply created) {
        return text(created.body(), "keyId");
    }

    private static String text(JsonNode body, String field) {
        var value = body.path(field);
        assertThat(value.isTextual()).as("field " + field + " in " + body).isTrue();
        return value.asText();
    }
}
