package io.ledgerline.ledger.reservation;

import static io.ledgerline.ledger.api.LedgerApiClient.expectOk;
import static io.ledgerline.ledger.api.LedgerApiClient.newId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.ledger.api.LedgerApiClient;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Holds through the API: reserve, settle part, release the rest; and a forgotten hold times out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class ReservationLifecycleTest {

    @Autowired TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void reserve_settle_part_and_release_the_rest() {
        var api = new LedgerApiClient(http);
        var partner = api.openFundedPartner(50_000_000);
        var account = "partner:" + partner;

        expectOk(api.reserve(account, "lease-1", 20_000_000, 0, "key budget"));
        expectOk(
                api.post(
                        "/accounts/" + account + "/reservations/lease-1/settlements",
                        Map.of(
                                "commandId",
                                newId("s"),
                                "amountUcr",
                                7_500_000,
                                "usageId",
                                "req-1")));
        var released =
                api.post(
                        "/accounts/" + account + "/reservations/lease-1/release",
                        Map.of("commandId", newId("x"), "reason", "key revoked"));

        expectOk(released);
        var balances = (Map<String, Number>) released.getBody().get("balancesUcr");
        assertThat(balances.get("partner/" + partner + "/available").longValue())
                .isEqualTo(42_500_000L);
        var again =
                api.post(
                        "/accounts/" + account + "/reservations/lease-1/settlements",
                        Map.of("commandId", newId("s"), "amountUcr", 1, "usageId", "req-2"));
        assertThat(again.getBody()).containsEntry("code", "RESERVATION_CLOSED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_open_reservation_is_released_when_its_timeout_passes() {
        var api = new LedgerApiClient(http);
        var partner = api.openFundedPartner(10_000_000);
        var account = "partner:" + partner;

        expectOk(api.reserve(account, "call-1", 4_000_000, 1, "call"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            var rows =
                                    (List<Map<String, Object>>)
                                            api.get("/accounts/" + account + "/history?size=10")
                                                    .getBody()
                                                    .get("rows");
                            assertThat(rows)
                                    .extracting(r -> r.get("type"))
                                    .first()
                                    .isEqualTo("Released");
                        });
        var view = api.get("/accounts/" + account).getBody();
        assertThat(((Number) view.get("spendableUcr")).longValue()).isEqualTo(10_000_000L);
    }
}
