package io.ledgerline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.PartnerTier;
import io.ledgerline.contracts.rating.Rating;
import io.ledgerline.gateway.budget.Pot;
import io.ledgerline.gateway.livekey.KeyLoader;
import io.ledgerline.gateway.livekey.KeyRegistry;
import io.ledgerline.gateway.livekey.LiveKey;
import io.ledgerline.gateway.projection.LedgerProjection;
import io.ledgerline.gateway.server.ManagementListener;
import io.ledgerline.gateway.support.Api;
import io.ledgerline.gateway.support.GatewayTestBase;
import io.ledgerline.gateway.support.UsageBiller;
import io.ledgerline.gateway.topup.AutoTopUp;
import io.ledgerline.testsupport.RealInfrastructure;
import io.ledgerline.testsupport.TestKafka;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Two gateway instances side by side on one database schema and one broker, each told there are two
 * ({@code ledgerline.gateway.instances=2}): instance A is this module's test context, B a second
 * Spring application on another port. Key changes made through one reach the other (R11), and a
 * budget or a customer wallet spent through both is never overspent (R8, R10).
 */
// Auto top-up sweeps only when a test calls them, so both instances sweep at the same moment.
@TestPropertySource(
        properties = {
            "ledgerline.gateway.instances=2",
            "ledgerline.gateway.auto-top-up.sweep-ms=" + TwoGatewayInstancesTest.NO_SWEEP_MS
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TwoGatewayInstancesTest extends GatewayTestBase {

    static final String MODEL = "gpt-4o-mini";
    static final String NO_SWEEP_MS = "3600000";

    /** How long a key change may take to reach the other instance before the test fails. */
    static final Duration PROPAGATION_WAIT = Duration.ofSeconds(5);

    static final int REGENERATIONS_MEASURED = 20;
    static ConfigurableApplicationContext second;

    @Autowired KeyRegistry registryA;
    @Autowired AutoTopUp autoTopUpA;
    @Autowired KeyLoader loaderA;
    @Autowired JdbcTemplate jdbc;

    Api apiB;
    KeyRegistry registryB;
    LedgerProjection projectionB;

    /**
     * Closing a context that uses Reactor Netty's global resources disposes them, and with them the
     * stub upstream and every other context's server in this JVM; these two contexts use their own.
     */
    @TestConfiguration
    static class OwnNettyResources {
        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            var factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            return factory;
        }
    }

    @BeforeAll
    static void startInstanceB() {
        second =
                new SpringApplicationBuilder(GatewayApplication.class, OwnNettyResources.class)
                        .initializers(new RealInfrastructure())
                        .run(
                                "--server.port=0",
                                "--ledgerline.gateway.management-port=0",
                                "--spring.application.name=gateway-service-b",
                                "--ledgerline.gateway.instances=2",
                                "--ledgerline.ledger.url=" + LEDGER.baseUrl(),
                                "--ledgerline.gateway.upstream.providers[0].name=stub",
                                "--ledgerline.gateway.upstream.providers[0].base-url=http://127.0.0.1:"
                                        + STUB.port()
                                        + "/v1",
                                "--ledgerline.gateway.usage-flush-ms=200",
                                "--ledgerline.gateway.expiry-check-ms=200",
                                "--ledgerline.gateway.auto-top-up.sweep-ms=" + NO_SWEEP_MS);
    }

    @AfterAll
    static void stopInstanceB() {
        if (second != null) {
            second.close();
        }
    }

    @BeforeEach
    void connectB() {
        var portB = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        apiB = new Api(portB, second.getBean(ManagementListener.class).port());
        registryB = second.getBean(KeyRegistry.class);
        projectionB = second.getBean(LedgerProjection.class);
    }

    @Test
    void R11_a_key_created_regenerated_and_revoked_on_one_instance_answers_so_on_the_other() {
        var partnerId = newPartner("STARTER", 1_000);
        var created = createPartnerKey(partnerId, partnerKey(10, MODEL));
        var keyId = created.path("keyId").asText();
        var secret = created.path("secret").asText();
        var path = "/api/v1/partners/" + partnerId + "/keys/" + keyId;
        awaitBudgetVisibleOnB(keyId);

        assertThat(chatOn(apiB, secret).status()).isEqualTo(200);
        assertThat(apiB.get(path).body().path("name").asText())
                .isEqualTo(created.path("name").asText());

        var latencies = new ArrayList<Long>();
        for (int i = 0; i < REGENERATIONS_MEASURED; i++) {
            var old = secret;
            secret =
                    api.post(path + "/regenerate", Map.of("commandId", unique("regen")))
                            .body()
                            .path("secret")
                            .asText();
            var current = secret;
            latencies.add(
                    nanosUntil(
                            () ->
                                    registryB.authenticate(old) == null
                                            && registryB.authenticate(current) != null));
        }
        assertThat(chatOn(apiB, secret).status()).isEqualTo(200);
        report("regenerate on A -> old secret refused on B", latencies);

        var old = secret;
        var regenerated = api.post(path + "/regenerate", Map.of("commandId", unique("regen")));
        var newSecret = regenerated.body().path("secret").asText();
        var refused = awaitStatusOn(apiB, old, 401);
        assertThat(refused.body().at("/error/code").asText()).isEqualTo("invalid_api_key");
        assertThat(chatOn(apiB, newSecret).status()).isEqualTo(200);

        assertThat(api.post(path + "/revoke", Map.of("commandId", unique("rev"))).status())
                .isEqualTo(200);
        awaitStatusOn(apiB, newSecret, 401);
        assertThat(apiB.get(path).body().path("status").asText()).isEqualTo("REVOKED");
    }

    @Test
    void R10_a_top_up_on_one_instance_raises_what_the_other_admits() {
        var partnerId = newPartner("STARTER", 1_000);
        var body = chat(MODEL, "top me up", 16);
        var worstCase = worstCase(body);
        // B's half of this budget is less than one request's hold.
        var keyBody = partnerKey(1, MODEL);
        keyBody.put("budgetUcr", worstCase.ucr());
        var created = createPartnerKey(partnerId, keyBody);
        var keyId = created.path("keyId").asText();
        var secret = created.path("secret").asText();
        awaitBudgetVisibleOnB(keyId);
        var before = apiB.openAi("/v1/chat/completions", secret, body, Map.of());
        assertThat(before.status()).isEqualTo(429);
        assertThat(before.body().at("/error/code").asText()).isEqualTo("insufficient_quota");

        var toppedUp =
                api.post(
                        "/api/v1/partners/" + partnerId + "/keys/" + keyId + "/top-ups",
                        Map.of("commandId", unique("top"), "amountUcr", worstCase.times(4).ucr()));
        assertThat(toppedUp.status()).isEqualTo(200);

        var after = awaitStatusOn(apiB, secret, body, 200);
        assertThat(after.header("x-ledgerline-cost-credits")).isNotNull();
        assertThat(registryB.byId(keyId).budget()).hasSize(2);
    }

    @Test
    void R10_two_hundred_requests_split_over_two_instances_never_overspend_a_partner_key()
            throws Exception {
        var partnerId = newPartner("STARTER", 1_000);
        var body = chat(MODEL, "[stub:delay=300] spend it all on two", 16);
        var worstCase = worstCase(body);
        var budget = worstCase.times(50).plus(Credits.ofMicros(worstCase.ucr() / 2));
        var keyBody = partnerKey(1, MODEL);
        keyBody.put("budgetUcr", budget.ucr());
        var created = createPartnerKey(partnerId, keyBody);
        var keyId = created.path("keyId").asText();
        var reservation = "key-" + keyId;
        var reserved = Credits.ofMicros(created.path("reservedUcr").asLong());
        var reservationAccount =
                LedgerAccounts.reservation(AccountId.partner(partnerId), reservation);
        awaitBudgetVisibleOnB(keyId);
        Function<LedgerProjection, Credits> settled = p -> p.settledFrom(reservation);
        var potA = registryA.byId(keyId).budget().get(0);
        var potB = registryB.byId(keyId).budget().get(0);

        try (var biller =
                new UsageBiller(
                        TestKafka.bootstrapServers(),
                        FEED,
                        keyId,
                        use ->
                                awaitBothSee(
                                        settled,
                                        reserved.minus(FEED.balanceOf(reservationAccount))))) {
            // Both instances reload the key from the database all through the burst, as a key
            // change notice would make them: the pots and their holds must survive it.
            var reloading = reloadRepeatedly(keyId);
            var answered = burst(created.path("secret").asText(), body);
            reloading.stop();
            var spent = answered.charged();
            await().atMost(PROJECTION_WAIT).until(() -> biller.bookedUses() == answered.count());
            assertThat(reloading.reloads()).isPositive();
            assertThat(registryA.byId(keyId).budget()).containsExactly(potA);
            assertThat(registryB.byId(keyId).budget()).containsExactly(potB);
            // Every booked charge was seen by both instances before the next was booked, so at most
            // one charge at a time was unseen: the documented bound is that one charge.
            assertThat(biller.booked()).isEqualTo(spent);
            assertThat(spent.isGreaterThan(budget.plus(answered.maxCharge()))).isFalse();
            System.out.printf(
                    "partner key over two instances: %d answered, spent %s of %s%n",
                    answered.count(), spent.toDecimalString(), budget.toDecimalString());
            assertThat(answered.count()).isGreaterThan(40);
        }

        var fee = PartnerTier.STARTER.platformFeeOn(budget);
        for (var live : List.of(registryA.byId(keyId), registryB.byId(keyId))) {
            var pot = live.budget().get(0);
            assertThat(pot.held()).isEqualTo(Credits.ZERO);
            await().atMost(PROJECTION_WAIT).until(() -> pot.unbilled().equals(Credits.ZERO));
            assertThat(pot.peakCommitted().isGreaterThan(Pot.shareOf(reserved.minus(fee), 2)))
                    .isFalse();
        }
        var remainingInLedger = FEED.balanceOf(reservationAccount);
        for (var instance : List.of(api, apiB)) {
            var row = instance.get("/api/v1/partners/" + partnerId + "/keys/" + keyId).body();
            assertThat(row.path("remainingUcr").asLong()).isEqualTo(remainingInLedger.ucr());
        }
        assertThat(FEED.unbalancedLedgers()).isEmpty();
    }

    @Test
    void R8_two_hundred_requests_split_over_two_instances_never_overspend_a_customer_wallet()
            throws Exception {
        var partnerId = selfServicePartner(5_000);
        var customerId = newCustomer(partnerId, 0L);
        var created =
                api.post(
                        "/api/v1/customers/" + customerId + "/keys",
                        Map.of(
                                "commandId",
                                unique("self"),
                                "name",
                                "Two instances",
                                "allowedModels",
                                List.of(MODEL)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        var keyId = created.body().path("keyId").asText();
        var body = chat(MODEL, "[stub:delay=300] spend the wallet on two", 16);
        var live = registryA.byId(keyId);
        var worstCase = worstCaseFor(live, body);
        var wallet = worstCase.times(50).plus(Credits.ofMicros(worstCase.ucr() / 2));
        FEED.addCustomerCredits(customerId, wallet);
        Function<LedgerProjection, Credits> balance = p -> p.customerAiBalance(customerId);
        awaitBothSee(balance, wallet);
        await().atMost(PROJECTION_WAIT).until(() -> registryB.byId(keyId) != null);
        var walletAccount = LedgerAccounts.customerAi(customerId);

        try (var biller =
                new UsageBiller(
                        TestKafka.bootstrapServers(),
                        FEED,
                        keyId,
                        use -> awaitBothSee(balance, FEED.balanceOf(walletAccount)))) {
            var answered = burst(created.body().path("secret").asText(), body);
            var spent = answered.charged();
            await().atMost(PROJECTION_WAIT).until(() -> biller.bookedUses() == answered.count());
            assertThat(biller.booked()).isEqualTo(spent);
            assertThat(spent.isGreaterThan(wallet.plus(answered.maxCharge()))).isFalse();
            System.out.printf(
                    "customer wallet over two instances: %d answered, spent %s of %s%n",
                    answered.count(), spent.toDecimalString(), wallet.toDecimalString());
            assertThat(answered.count()).isGreaterThan(40);
        }

        for (var key : List.of(registryA.byId(keyId), registryB.byId(keyId))) {
            assertThat(key.wallet().held()).isEqualTo(Credits.ZERO);
            await().atMost(PROJECTION_WAIT)
                    .until(() -> key.wallet().unbilled().equals(Credits.ZERO));
            assertThat(key.wallet().free())
                    .isEqualTo(Pot.shareOf(FEED.balanceOf(walletAccount), 2));
        }
        assertThat(projection.customerAiBalance(customerId))
                .isEqualTo(FEED.balanceOf(walletAccount));
        assertThat(FEED.unbalancedLedgers()).isEmpty();
    }

    @Test
    void R10_auto_top_up_fires_once_when_both_instances_see_the_key_low() throws Exception {
        var partnerId = newPartner("GROWTH", 100_000);
        var keyBody = partnerKey(50, MODEL);
        // The budget starts below the threshold, so both instances find the key low at once.
        keyBody.put("autoTopUp", Map.of("thresholdUsdCents", 100, "amountUsdCents", 2_000));
        var created = createPartnerKey(partnerId, keyBody);
        var keyId = created.path("keyId").asText();
        var path = "/api/v1/partners/" + partnerId + "/keys/" + keyId;
        var autoTopUpB = second.getBean(AutoTopUp.class);
        await().atMost(PROPAGATION_WAIT).until(() -> registryB.byId(keyId) != null);
        sweepBoth(autoTopUpB);

        await().atMost(PROJECTION_WAIT)
                .until(() -> apiB.get(path).body().at("/autoTopUp/topUps").asLong() == 1);
        await().atMost(PROJECTION_WAIT)
                .until(() -> api.get(path).body().at("/autoTopUp/topUps").asLong() == 1);
        // The key is above its threshold now: more sweeps on both change nothing.
        sweepBoth(autoTopUpB);
        Thread.sleep(Duration.ofSeconds(1).toMillis());

        var reservedTopUps =
                LEDGER.commandsTo("/reservations").stream()
                        .filter(c -> !c.path().contains("/reservations/"))
                        .map(c -> c.body().path("reservationId").asText())
                        .filter(id -> id.startsWith("key-" + keyId + "-a"))
                        .distinct()
                        .toList();
        assertThat(reservedTopUps).containsExactly("key-" + keyId + "-a1");
        assertThat(
                        jdbc.queryForObject(
                                "SELECT sequence FROM gateway.auto_top_up WHERE key_id = ?",
                                Long.class,
                                keyId))
                .isEqualTo(1);
        for (var instance : List.of(api, apiB)) {
            var view = instance.get(path).body();
            assertThat(view.at("/autoTopUp/topUps").asLong()).isEqualTo(1);
            assertThat(view.path("budgetUcr").asLong())
                    .isEqualTo(Credits.ofCredits(50 + 2_000).ucr());
        }
        var amountWithFee = PartnerTier.GROWTH.totalRequiredFor(Credits.ofCredits(2_000));
        awaitPartnerAvailable(
                partnerId,
                Credits.ofCredits(100_000)
                        .minus(PartnerTier.GROWTH.totalRequiredFor(Credits.ofCredits(50)))
                        .minus(amountWithFee));
    }

    /** Reloads one key on both instances in a loop until stopped. */
    private Reloading reloadRepeatedly(String keyId) {
        var loaders = List.of(loaderA, second.getBean(KeyLoader.class));
        var reloading =
                new Reloading(
                        new java.util.concurrent.atomic.AtomicBoolean(true),
                        new java.util.concurrent.atomic.AtomicInteger());
        CompletableFuture.runAsync(
                () -> {
                    while (reloading.running().get()) {
                        loaders.forEach(loader -> loader.reload(keyId));
                        reloading.count().incrementAndGet();
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                    }
                });
        return reloading;
    }

    record Reloading(
            java.util.concurrent.atomic.AtomicBoolean running,
            java.util.concurrent.atomic.AtomicInteger count) {
        void stop() {
            running.set(false);
        }

        int reloads() {
            return count.get();
        }
    }

    private void sweepBoth(AutoTopUp autoTopUpB) throws Exception {
        var sweeps = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < 10; i++) {
            sweeps.add(CompletableFuture.runAsync(autoTopUpA::sweep));
            sweeps.add(CompletableFuture.runAsync(autoTopUpB::sweep));
        }
        CompletableFuture.allOf(sweeps.toArray(CompletableFuture[]::new)).get();
    }

    record Burst(int count, Credits charged, Credits maxCharge) {}

    /** 200 requests at once, alternately to A and B; each answer is 200 or insufficient_quota. */
    private Burst burst(String secret, String body) {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var ports = List.of(port, apiBPort());
        var replies = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 200; i++) {
            replies.add(
                    http.sendAsync(
                            chatRequest(ports.get(i % 2), secret, body),
                            HttpResponse.BodyHandlers.ofString()));
        }
        var charged = Credits.ZERO;
        var max = Credits.ZERO;
        int answered = 0;
        for (var reply : replies) {
            var response = reply.join();
            if (response.statusCode() == 200) {
                answered++;
                var cost =
                        Credits.parse(
                                response.headers()
                                        .firstValue("x-ledgerline-cost-credits")
                                        .orElseThrow());
                charged = charged.plus(cost);
                max = cost.isGreaterThan(max) ? cost : max;
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
                assertThat(response.body()).contains("insufficient_quota");
            }
        }
        return new Burst(answered, charged, max);
    }

    private int apiBPort() {
        return second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private void awaitBothSee(Function<LedgerProjection, Credits> figure, Credits expected) {
        await().atMost(PROJECTION_WAIT)
                .pollInterval(Duration.ofMillis(2))
                .until(
                        () ->
                                figure.apply(projection).equals(expected)
                                        && figure.apply(projectionB).equals(expected));
    }

    /** B knows the key and its projection has seen the budget reservation and the fee. */
    private void awaitBudgetVisibleOnB(String keyId) {
        await().atMost(PROJECTION_WAIT).until(() -> registryB.byId(keyId) != null);
        var a = registryA.byId(keyId);
        var b = registryB.byId(keyId);
        await().atMost(PROJECTION_WAIT)
                .until(
                        () ->
                                b.budget().size() == a.budget().size()
                                        && b.budget()
                                                .get(0)
                                                .free()
                                                .equals(a.budget().get(0).free()));
    }

    private static Credits worstCase(String body) {
        var price = ModelCatalogue.standard().find(MODEL).orElseThrow();
        return Rating.platformCost(price, body.getBytes(StandardCharsets.UTF_8).length, 16);
    }

    private static Credits worstCaseFor(LiveKey key, String body) {
        var price = ModelCatalogue.standard().find(MODEL).orElseThrow();
        return io.ledgerline.gateway.admission.Admission.cost(
                key.config(), price, body.getBytes(StandardCharsets.UTF_8).length, 16);
    }

    private static Api.Reply chatOn(Api instance, String secret) {
        return instance.openAi("/v1/chat/completions", secret, chat(MODEL, "hi", 8), Map.of());
    }

    private static Api.Reply awaitStatusOn(Api instance, String secret, int status) {
        return awaitStatusOn(instance, secret, chat(MODEL, "hi", 8), status);
    }

    private static Api.Reply awaitStatusOn(Api instance, String secret, String body, int status) {
        return await().atMost(PROPAGATION_WAIT)
                .pollInterval(Duration.ofMillis(20))
                .until(
                        () -> instance.openAi("/v1/chat/completions", secret, body, Map.of()),
                        reply -> reply.status() == status);
    }

    private static long nanosUntil(java.util.function.BooleanSupplier condition) {
        var start = System.nanoTime();
        var deadline = start + PROPAGATION_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("propagated in time").isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(100_000);
        }
        return System.nanoTime() - start;
    }

    private static void report(String what, List<Long> nanos) {
        var sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(
                "%s: p50 %.1f ms, max %.1f ms over %d%n",
                what,
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6,
                sorted.size());
    }
}
