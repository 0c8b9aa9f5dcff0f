package io.ledgerline.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.money.Credits;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Partners, customers and keys set up the way the portal would: accounts and credits through the
 * ledger's API, gateway settings and keys through the gateway's management API.
 */
public final class Tenants {

    /** How long the gateway's projection of ledger.events.v1 may take to learn about an account. */
    public static final Duration PROJECTION_WAIT = Duration.ofSeconds(60);

    private final LedgerApi ledger;
    private final GatewayApi gateway;

    public Tenants(RunningStack stack) {
        this.ledger = stack.ledgerApi();
        this.gateway = stack.gatewayApi();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A partner on {@code tier} with {@code credits} platform credits, self-service on. */
    public String partner(String tier, long credits) {
        var partnerId = unique("p");
        ledger.openPartner(partnerId);
        ledger.addCredits("partner:" + partnerId, Credits.ofCredits(credits));
        gateway.configurePartner(partnerId, tier, true);
        awaitReadSide("partner:" + partnerId, Credits.ofCredits(credits));
        return partnerId;
    }

    /** A customer of the partner with AI credits enabled and {@code aiCredits} of them. */
    public String customerWithAiCredits(String partnerId, long aiCredits) {
        var customerId = unique("c");
        ledger.openCustomer(customerId, partnerId);
        ledger.enableAiCredits(customerId);
        if (aiCredits > 0) {
            ledger.addCredits("customer:" + customerId, Credits.ofCredits(aiCredits));
        }
        awaitReadSide("customer:" + customerId, Credits.ofCredits(aiCredits));
        return customerId;
    }

    /** The ledger's read side follows its event store; tests start once it shows the account. */
    private void awaitReadSide(String accountId, Credits spendable) {
        await().atMost(PROJECTION_WAIT)
                .ignoreExceptions()
                .until(() -> ledger.spendable(accountId), spendable::equals);
    }

    /**
     * R8/R12: a self-service key; retried with the same command id until the gateway's projection
     * knows the customer (a retry with the same id never reserves a second deposit).
     */
    public JsonHttp.Reply selfServiceKey(String customerId, List<String> models) {
        var commandId = LedgerApi.commandId("self");
        var created = new AtomicReference<JsonHttp.Reply>();
        await().atMost(PROJECTION_WAIT)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(
                        () -> {
                            var reply = gateway.createCustomerKey(customerId, commandId, models);
                            created.set(reply);
                            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                        });
        return created.get();
    }

    /** R10: a partner key with this budget, once the gateway's projection knows the partner. */
    public JsonHttp.Reply partnerKey(String partnerId, Credits budget, List<String> models) {
        return partnerKey(partnerId, budget, models, Map.of());
    }

    public JsonHttp.Reply partnerKey(
            String partnerId, Credits budget, List<String> models, Map<String, Object> more) {
        var created = gateway.createPartnerKey(partnerId, budget, models, more);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }
}
