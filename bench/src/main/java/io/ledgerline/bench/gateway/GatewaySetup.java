package io.ledgerline.bench.gateway;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A partner with platform credits, GROWTH gateway settings with self-service on, a partner key with
 * a large budget, and a customer with AI credits and a self-service key — all through the services'
 * public APIs (docs/ledger-api.md, gateway-service/README.md).
 */
final class GatewaySetup {

    static final long UCR_PER_CREDIT = 1_000_000L;
    private static final long PARTNER_TOP_UP_CREDITS = 5_000_000L;
    private static final long PARTNER_KEY_BUDGET_CREDITS = 500_000L;
    private static final long CUSTOMER_AI_CREDITS = 5_000_000L;
    private static final long CREATE_RETRY_MS = 90_000;

    private final JsonHttp http;
    private final String ledgerApi;
    private final String gatewayUrl;
    private final String run;
    final String partner;
    final String customer;

    GatewaySetup(JsonHttp http, String ledgerApi, String gatewayUrl, String run) {
        this.http = http;
        this.ledgerApi = ledgerApi;
        this.gatewayUrl = gatewayUrl;
        this.run = run;
        this.partner = "benchgw-" + run;
        this.customer = "benchgw-c-" + run;
    }

    Keys create(String model) throws IOException, InterruptedException {
        ledger(
                "POST",
                "/accounts",
                Map.of(
                        "commandId",
                        id("open-partner"),
                        "accountId",
                        "partner:" + partner,
                        "partnerId",
                        partner));
        ledger(
                "POST",
                "/accounts/partner:" + partner + "/credits",
                Map.of(
                        "commandId",
                        id("top-up-partner"),
                        "amountUcr",
                        PARTNER_TOP_UP_CREDITS * UCR_PER_CREDIT,
                        "note",
                        "gateway bench"));
        ledger(
                "POST",
                "/accounts",
                Map.of(
                        "commandId",
                        id("open-customer"),
                        "accountId",
                        "customer:" + customer,
                        "partnerId",
                        partner));
        ledger(
                "PUT",
                "/accounts/customer:" + customer + "/ai-credits",
                Map.of(
                        "commandId",
                        id("ai-credits"),
                        "enabled",
                        true,
                        "pricePerMinuteUcr",
                        120_000,
                        "graceSeconds",
                        30,
                        "lowCreditThresholdUcr",
                        UCR_PER_CREDIT,
                        "lowCreditNotifications",
                        false));
        ledger(
                "POST",
                "/accounts/customer:" + customer + "/credits",
                Map.of(
                        "commandId",
                        id("ai-credits-add"),
                        "amountUcr",
                        CUSTOMER_AI_CREDITS * UCR_PER_CREDIT,
                        "note",
                        "gateway bench"));
        var settings =
                Map.of(
                        "tier",
                        "GROWTH",
                        "selfServiceEnabled",
                        true,
                        "applyToNewCustomers",
                        true,
                        "applyToExistingCustomers",
                        true,
                        "defaultProfitMultiplierPercent",
                        150,
                        "aiCreditPriceCents",
                        "1");
        createWithRetry(
                "gateway settings",
                "PUT",
                "/api/v1/partners/" + partner + "/gateway-settings",
                settings);
        var partnerKey =
                createWithRetry(
                        "partner key",
                        "POST",
                        "/api/v1/partners/" + partner + "/keys",
                        Map.of(
                                "commandId",
                                id("partner-key"),
                                "name",
                                "bench partner key",
                                "budgetUcr",
                                PARTNER_KEY_BUDGET_CREDITS * UCR_PER_CREDIT,
                                "allowedModels",
                                List.of(model)));
        var customerKey =
                createWithRetry(
                        "self-service key",
                        "POST",
                        "/api/v1/customers/" + customer + "/keys",
                        Map.of(
                                "commandId",
                                id("customer-key"),
                                "name",
                                "bench self-service key",
                                "allowedModels",
                                List.of(model)));
        return new Keys(
                partnerKey.json().path("secret").asText(),
                customerKey.json().path("secret").asText());
    }

    JsonHttp.Answer ledger(String method, String path, Object body)
            throws IOException, InterruptedException {
        var answer = http.send(method, ledgerApi + path, body);
        if (!answer.ok()) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + answer.status() + ": " + answer.text());
        }
        return answer;
    }

    /** The gateway learns partners and customers from ledger.events.v1, shortly after. */
    private JsonHttp.Answer createWithRetry(String what, String method, String path, Object body)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + CREATE_RETRY_MS;
        while (true) {
            var answer = http.send(method, gatewayUrl + path, body);
            if (answer.ok()) {
                Progress.line("set-up", what + " ok");
                return answer;
            }
            if (answer.status() == 400 || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(
                        what + " answered " + answer.status() + ": " + answer.text());
            }
            Thread.sleep(500);
        }
    }

    String id(String what) {
        return "bench-gw-" + run + "-" + what;
    }

    record Keys(String partnerKey, String customerKey) {}
}
