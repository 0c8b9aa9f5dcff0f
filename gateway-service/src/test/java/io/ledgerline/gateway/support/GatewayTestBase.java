package io.ledgerline.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.gateway.projection.LedgerProjection;
import io.ledgerline.gateway.server.ManagementListener;
import io.ledgerline.llmstub.LlmStub;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;
import io.ledgerline.testsupport.TestKafka;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import reactor.netty.DisposableServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One gateway for all of this module's tests: real PostgreSQL and Kafka (test-support), the stub
 * upstream on a free port, and the in-test ledger double. Every test class extends this, so they
 * share one Spring context, one broker and one database. {@link #api} calls {@code /v1} on the
 * public port and the management API on the management listener (a free port too) with a token
 * holding every management scope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
public abstract class GatewayTestBase {

    protected static final DisposableServer STUB = LlmStub.start(0);
    protected static final LedgerFeed FEED = new LedgerFeed(TestKafka.bootstrapServers());
    protected static final LedgerDouble LEDGER = startLedger();

    private static LedgerDouble startLedger() {
        try {
            return new LedgerDouble(FEED);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static final Duration PROJECTION_WAIT = Duration.ofSeconds(20);

    /** The public port: {@code /v1} and health. */
    @LocalServerPort protected int port;

    @Autowired protected LedgerProjection projection;

    @Autowired protected ManagementListener management;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port, management.port());
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A chat completion request to the gateway on {@code port} with a virtual key. */
    protected static HttpRequest chatRequest(int port, String secret, String body) {
        return HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"))
                .header("authorization", "Bearer " + secret)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** A STARTER partner with {@code credits} and self-service keys on for every customer (R12). */
    protected String selfServicePartner(long credits) {
        var partnerId = newPartner("STARTER", credits);
        api.put(
                "/api/v1/partners/" + partnerId + "/gateway-settings",
                Map.of(
                        "selfServiceEnabled",
                        true,
                        "applyToNewCustomers",
                        true,
                        "applyToExistingCustomers",
                        true));
        return partnerId;
    }

    /**
     * A partner on {@code tier} with {@code credits} available, as the gateway's projection sees
     * it.
     */
    protected String newPartner(String tier, long credits) {
        var partnerId = unique("p");
        FEED.openPartner(partnerId);
        FEED.addPartnerCredits(partnerId, Credits.ofCredits(credits));
        var settings =
                api.put(
                        "/api/v1/partners/" + partnerId + "/gateway-settings",
                        Map.of("tier", tier));
        assertThat(settings.status()).isEqualTo(200);
        awaitPartnerAvailable(partnerId, Credits.ofCredits(credits));
        return partnerId;
    }

    protected void awaitPartnerAvailable(String partnerId, Credits expected) {
        await().atMost(PROJECTION_WAIT)
                .until(() -> projection.partnerAvailable(partnerId), expected::equals);
    }

    /** A customer of {@code partnerId}; AI credits enabled with {@code aiCredits} when not null. */
    protected String newCustomer(String partnerId, Long aiCredits) {
        var customerId = unique("c");
        FEED.openCustomer(customerId, partnerId);
        if (aiCredits != null) {
            FEED.configureAiCredits(customerId, true);
            if (aiCredits > 0) {
                FEED.addCustomerCredits(customerId, Credits.ofCredits(aiCredits));
            }
        }
        await().atMost(PROJECTION_WAIT)
                .until(
                        () ->
                                projection
                                                .customer(customerId)
                                                .filter(
                                                        c ->
                                                                c.aiCreditsEnabled()
                                                                        == (aiCredits != null))
                                                .isPresent()
                                        && projection
                                                .customerAiBalance(customerId)
                                                .equals(
                                                        Credits.ofCredits(
                                                                aiCredits == null
                                                                        ? 0
                                                                        : aiCredits)));
        return customerId;
    }

    protected static Map<String, Object> partnerKey(long budgetCredits, String... models) {
        var body = new LinkedHashMap<String, Object>();
        body.put("commandId", unique("create"));
        body.put("name", "Key " + body.get("commandId"));
        body.put("description", "for tests");
        body.put("budgetUcr", Credits.ofCredits(budgetCredits).ucr());
        body.put("allowedModels", List.of(models));
        return body;
    }

    protected JsonNode createPartnerKey(String partnerId, Map<String, Object> body) {
        var reply = api.post("/api/v1/partners/" + partnerId + "/keys", body);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.body();
    }

    protected static String chat(String model, String text, int maxTokens) {
        return "{\"model\":\""
                + model
                + "\",\"max_tokens\":"
                + maxTokens
                + ",\"messages\":[{\"role\":\"user\",\"content\":\""
                + text
                + "\"}]}";
    }

    protected Api.Reply chatWith(String key, String model, String text) {
        return api.openAi("/v1/chat/completions", key, chat(model, text, 8), Map.of());
    }

    @DynamicPropertySource
    static void wire(DynamicPropertyRegistry registry) {
        registry.add("ledgerline.ledger.url", LEDGER::baseUrl);
        registry.add("ledgerline.gateway.management-port", () -> "0");
        registry.add("ledgerline.gateway.upstream.providers[0].name", () -> "stub");
        registry.add(
                "ledgerline.gateway.upstream.providers[0].base-url",
                () -> "http://127.0.0.1:" + STUB.port() + "/v1");
        registry.add("ledgerline.gateway.usage-flush-ms", () -> "200");
        registry.add("ledgerline.gateway.expiry-check-ms", () -> "200");
    }
}
