package io.ledgerline.gateway.topup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.contracts.ledger.AccountId;
import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.contracts.ledger.command.ReserveCredits;
import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.rating.PartnerTier;
import io.ledgerline.gateway.ledger.LedgerClient;
import io.ledgerline.gateway.livekey.AutoTopUpState;
import io.ledgerline.gateway.livekey.KeyRegistry;
import io.ledgerline.gateway.support.GatewayTestBase;
import io.ledgerline.gateway.support.LedgerDouble;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

/**
 * R10 auto top-up: a partner key whose remaining budget falls below its threshold is topped up by
 * its amount (plus the tier's fee), once per trigger, off the request thread.
 */
class AutoTopUpTest extends GatewayTestBase {

    @Autowired KeyRegistry registry;
    @Autowired AutoTopUpFunding keys;
    @Autowired LedgerClient ledger;
    @Autowired JdbcTemplate jdbc;

    static final String MODEL = "gpt-4o-mini";
    static final long THRESHOLD_CENTS = 100;
    static final long AMOUNT_CENTS = 2_000;

    /** GROWTH's 5% platform fee on the 2,000-credit top-up. */
    static final Credits AMOUNT_WITH_FEE = Credits.ofCredits(2_100);

    /** A few requests' worth of budget above the threshold (a request costs ~0.0006 credits). */
    static final Credits MARGIN = Credits.ofMicros(3_000);

    static final Credits BUDGET = Credits.ofCredits(THRESHOLD_CENTS).plus(MARGIN);

    static final int MAX_REQUESTS_TO_CROSS = 100;
    static final Duration SETTLE = Duration.ofSeconds(3);

    record Key(String partnerId, String keyId, String secret) {
        String path() {
            return "/api/v1/partners/" + partnerId + "/keys/" + keyId;
        }
    }

    @Test
    void R10_auto_top_up_refills_a_key_below_its_threshold() {
        var key = keyJustAboveThreshold(newPartner("GROWTH", 100_000));
        var before = api.get(key.path()).body();
        assertThat(before.at("/autoTopUp/topUps").asLong()).isZero();

        spendBelowThreshold(key);

        await().atMost(PROJECTION_WAIT).until(() -> topUps(key) >= 1);
        var after = api.get(key.path()).body();
        assertThat(after.at("/autoTopUp/topUps").asLong()).isEqualTo(1);
        assertThat(after.at("/autoTopUp/lastResult").asText()).isEqualTo("TOPPED_UP");
        assertThat(after.at("/autoTopUp/lastTopUpAt").isNull()).isFalse();
        assertThat(after.path("budgetUcr").asLong())
                .isEqualTo(
                        before.path("budgetUcr").asLong() + Credits.ofCredits(AMOUNT_CENTS).ucr());
        assertThat(after.path("reservedUcr").asLong())
                .isEqualTo(before.path("reservedUcr").asLong() + AMOUNT_WITH_FEE.ucr());
        var reserves = topUpReserves(key);
        assertThat(reserves).hasSize(1);
        assertThat(reserves.get(0).body().path("reservationId").asText())
                .isEqualTo("key-" + key.keyId() + "-a1");
        assertThat(reserves.get(0).body().path("amountUcr").asLong())
                .isEqualTo(AMOUNT_WITH_FEE.ucr());
        assertThat(LEDGER.commandsTo("key-" + key.keyId() + "-a1/settlements"))
                .singleElement()
                .satisfies(
                        fee ->
                                assertThat(fee.body().path("amountUcr").asLong())
                                        .isEqualTo(Credits.ofCredits(100).ucr()));

        for (int i = 0; i < 5; i++) {
            assertThat(chatWith(key.secret(), MODEL, "still going " + i).status()).isEqualTo(200);
        }
        assertThat(topUpReserves(key)).hasSize(1);
        awaitPartnerAvailable(
                key.partnerId(),
                Credits.ofCredits(100_000)
                        .minus(PartnerTier.GROWTH.totalRequiredFor(BUDGET))
                        .minus(AMOUNT_WITH_FEE));
    }

    @Test
    void R10_auto_top_up_without_funds_records_the_refusal_and_does_not_retry_in_a_loop() {
        // Enough for the key (105 credits with the fee) but not for a 2,100-credit top-up.
        var partnerId = newPartner("GROWTH", 1_000);
        var key = keyJustAboveThreshold(partnerId);

        spendBelowThreshold(key);
        await().atMost(PROJECTION_WAIT)
                .until(
                        () ->
                                "INSUFFICIENT_CREDITS"
                                        .equals(
                                                api.get(key.path())
                                                        .body()
                                                        .at("/autoTopUp/lastResult")
                                                        .asText()));
        for (int i = 0; i < 20; i++) {
            assertThat(chatWith(key.secret(), MODEL, "more " + i).status()).isEqualTo(200);
        }
        sleep(SETTLE);
        var view = api.get(key.path()).body();
        assertThat(view.at("/autoTopUp/topUps").asLong()).isZero();
        assertThat(view.at("/autoTopUp/lastAttemptAt").isNull()).isFalse();
        assertThat(view.at("/autoTopUp/retryNotBefore").isNull()).isFalse();
        assertThat(topUpReserves(key)).hasSize(1);

        // Once the partner has funds again, the next trigger (a new command id) goes through.
        FEED.addPartnerCredits(partnerId, Credits.ofCredits(5_000));
        await().atMost(PROJECTION_WAIT).until(() -> topUps(key) >= 1);
        assertThat(topUpReserves(key))
                .extracting(c -> c.body().path("reservationId").asText())
                .containsExactly("key-" + key.keyId() + "-a1", "key-" + key.keyId() + "-a2");
        assertThat(api.get(key.path()).body().at("/autoTopUp/lastResult").asText())
                .isEqualTo("TOPPED_UP");
        assertThat(topUps(key)).isEqualTo(1);
    }

    @Test
    void R10_concurrent_requests_crossing_the_threshold_trigger_one_top_up() throws Exception {
        var key = keyJustAboveThreshold(newPartner("GROWTH", 100_000));
        var requests = 48;
        var pool = Executors.newFixedThreadPool(16);
        try {
            var calls = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < requests; i++) {
                var text = "concurrent " + i;
                calls.add(() -> chatWith(key.secret(), MODEL, text).status());
            }
            for (var status : pool.invokeAll(calls)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(PROJECTION_WAIT).until(() -> topUps(key) >= 1);
        sleep(SETTLE);
        assertThat(topUpReserves(key)).hasSize(1);
        assertThat(topUps(key)).isEqualTo(1);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT sequence FROM gateway.auto_top_up WHERE key_id = ?",
                                Long.class,
                                key.keyId()))
                .isEqualTo(1);
    }

    @Test
    void R10_a_trigger_resumed_after_a_crash_reserves_once() {
        var partnerId = newPartner("GROWTH", 100_000);
        var key = keyJustAboveThreshold(partnerId);
        var live = registry.byId(key.keyId());
        var reservationId = AutoTopUpFunding.autoTopUpReservationId(key.keyId(), 1);
        // As if the gateway had reserved for trigger 1 and died before recording the answer.
        ledger.reserve(
                new ReserveCredits(
                        reservationId + "-reserve",
                        AccountId.partner(partnerId),
                        reservationId,
                        AMOUNT_WITH_FEE,
                        ReserveCredits.MAX_TIMEOUT_SECONDS,
                        "gateway key " + key.keyId() + " auto top-up",
                        false));
        keys.recordAutoTopUp(live, AutoTopUpState.NONE.attempting(Instant.now()));

        await().atMost(PROJECTION_WAIT).until(() -> topUps(key) >= 1);
        assertThat(topUpReserves(key))
                .extracting(c -> c.body().path("reservationId").asText())
                .containsExactly(reservationId, reservationId);
        awaitPartnerAvailable(
                partnerId,
                Credits.ofCredits(100_000)
                        .minus(PartnerTier.GROWTH.totalRequiredFor(BUDGET))
                        .minus(AMOUNT_WITH_FEE));
        var view = api.get(key.path()).body();
        assertThat(view.path("budgetUcr").asLong())
                .isEqualTo(BUDGET.plus(Credits.ofCredits(AMOUNT_CENTS)).ucr());
        sleep(SETTLE);
        assertThat(topUps(key)).isEqualTo(1);
    }

    @Test
    void R10_revoked_keys_never_top_up() {
        var key = keyJustAboveThreshold(newPartner("GROWTH", 100_000));
        var revoked = api.post(key.path() + "/revoke", Map.of("commandId", unique("rev"))).body();
        assertThat(revoked.path("status").asText()).isEqualTo("REVOKED");

        // A revoked key has nothing left, far below its threshold; the sweep must leave it be.
        sleep(SETTLE);
        assertThat(topUpReserves(key)).isEmpty();
        var view = api.get(key.path()).body();
        assertThat(view.at("/autoTopUp/topUps").asLong()).isZero();
        assertThat(view.at("/autoTopUp/lastAttemptAt").isNull()).isTrue();
        // Revocation refunded everything but the key's platform fee, and nothing was reserved
        // again.
        assertThat(FEED.balanceOf(LedgerAccounts.partnerAvailable(key.partnerId())))
                .isEqualTo(
                        Credits.ofCredits(100_000).minus(PartnerTier.GROWTH.platformFeeOn(BUDGET)));
    }

    private long topUps(Key key) {
        return api.get(key.path()).body().at("/autoTopUp/topUps").asLong();
    }

    private Key keyJustAboveThreshold(String partnerId) {
        var body = partnerKey(1, MODEL);
        body.put("budgetUcr", BUDGET.ucr());
        body.put(
                "autoTopUp",
                Map.of("thresholdUsdCents", THRESHOLD_CENTS, "amountUsdCents", AMOUNT_CENTS));
        JsonNode created = createPartnerKey(partnerId, body);
        return new Key(partnerId, created.path("keyId").asText(), created.path("secret").asText());
    }

    /**
     * Real requests until the key's remaining budget is below its threshold, counted from the cost
     * each answer reports. (The key view is read only afterwards: alternating chat and management
     * calls on one client sometimes stalls a call for 30 s, also without auto top-up.)
     */
    private void spendBelowThreshold(Key key) {
        var threshold = Credits.ofCredits(THRESHOLD_CENTS);
        var remaining = BUDGET;
        for (int i = 0; i < MAX_REQUESTS_TO_CROSS && !remaining.isLessThan(threshold); i++) {
            var answer = chatWith(key.secret(), MODEL, "spend " + i);
            assertThat(answer.status()).isEqualTo(200);
            remaining = remaining.minus(Credits.parse(answer.header("x-ledgerline-cost-credits")));
        }
        assertThat(remaining).as("remaining after spending").isLessThan(threshold);
    }

    private static List<LedgerDouble.Command> topUpReserves(Key key) {
        return LEDGER.commandsTo("/reservations").stream()
                .filter(c -> !c.path().contains("/reservations/"))
                .filter(
                        c ->
                                c.body()
                                        .path("reservationId")
                                        .asText()
                                        .startsWith("key-" + key.keyId() + "-a"))
                .toList();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
