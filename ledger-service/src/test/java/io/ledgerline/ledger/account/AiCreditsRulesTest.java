package io.ledgerline.ledger.account;

import static io.ledgerline.ledger.api.LedgerApiClient.expectOk;
import static io.ledgerline.ledger.api.LedgerApiClient.newId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.ledger.api.LedgerApiClient;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * R13 as a partner uses it: enable, add with a note, deduct with a reason, read history and
 * balance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class AiCreditsRulesTest {

    @Autowired TestRestTemplate http;

    LedgerApiClient api;
    String partner;
    String customer;

    @BeforeEach
    void setUp() {
        api = new LedgerApiClient(http);
        partner = newId("p");
        customer = newId("c");
        api.openPartner(partner);
    }

    @Test
    void R13_credits_cannot_be_added_while_ai_credits_are_disabled() {
        api.openCustomer(customer, partner, false);

        var refused = api.add("customer:" + customer, 10_000_000, "package");

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).containsEntry("code", "AI_CREDITS_DISABLED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void R13_history_shows_added_deducted_and_used_rows_with_balance_after_and_note() {
        api.openCustomer(customer, partner, true);
        var account = "customer:" + customer;
        expectOk(api.add(account, 100_000_000, "Monthly package - 100 credits"));
        expectOk(api.deduct(account, 15_000_000, "Refund for failed calls"));
        var used =
                api.post(
                        "/accounts/" + account + "/usage",
                        Map.of(
                                "commandId",
                                newId("use"),
                                "amountUcr",
                                2_500_000,
                                "usageId",
                                newId("call"),
                                "description",
                                "call 1m15s"));
        expectOk(used);
        assertThat(((Map<String, Object>) used.getBody().get("balancesUcr")))
                .containsEntry("customer/" + customer + "/ai", 82_500_000);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            var page =
                                    api.get("/accounts/" + account + "/history?page=0&size=50")
                                            .getBody();
                            var rows = (List<Map<String, Object>>) page.get("rows");
                            assertThat(rows)
                                    .extracting(r -> r.get("type"))
                                    .containsExactly("Used", "Deducted", "Added");
                            assertThat(rows)
                                    .extracting(
                                            r -> ((Number) r.get("balanceAfterUcr")).longValue())
                                    .containsExactly(82_500_000L, 85_000_000L, 100_000_000L);
                            assertThat(rows)
                                    .extracting(r -> r.get("note"))
                                    .containsExactly(
                                            "call 1m15s",
                                            "Refund for failed calls",
                                            "Monthly package - 100 credits");
                        });
        var view = api.get("/accounts/" + account).getBody();
        assertThat(((Number) view.get("spendableUcr")).longValue()).isEqualTo(82_500_000L);
        assertThat(view.get("lastUpdated")).isNotNull();
    }

    @Test
    void R13_a_deduction_needs_a_reason() {
        api.openCustomer(customer, partner, true);
        expectOk(api.add("customer:" + customer, 10_000_000, "package"));

        var refused = api.deduct("customer:" + customer, 1_000_000, " ");

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).containsEntry("code", "REASON_REQUIRED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void R13_with_ai_credits_disabled_usage_draws_on_the_partners_balance() {
        api.openCustomer(customer, partner, false);
        expectOk(api.add("partner:" + partner, 50_000_000, "top-up"));

        var used =
                api.post(
                        "/accounts/customer:" + customer + "/usage",
                        Map.of(
                                "commandId",
                                newId("use"),
                                "amountUcr",
                                3_000_000,
                                "usageId",
                                newId("call"),
                                "description",
                                "call"));

        expectOk(used);
        assertThat((Map<String, Object>) used.getBody().get("balancesUcr"))
                .containsEntry("partner/" + partner + "/available", 47_000_000);
    }
}
