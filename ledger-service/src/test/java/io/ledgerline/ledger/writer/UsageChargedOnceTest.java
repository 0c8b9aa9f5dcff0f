package io.ledgerline.ledger.writer;

import static io.ledgerline.ledger.api.LedgerApiClient.newId;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.ledger.api.LedgerApiClient;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Case 5: a usage id is charged once on its account, however many usages came after it and whether
 * or not the account is still in memory; the durable record decides, not a window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class UsageChargedOnceTest {

    /** More usage ids than the account ever remembered in memory (the old window of 1,024). */
    static final int LATER_USAGES = 1_100;

    @Autowired TestRestTemplate http;

    @Autowired JdbcTemplate jdbc;

    @Autowired
    @Qualifier("accountCache")
    org.axonframework.common.caching.Cache accountCache;

    LedgerApiClient api;
    String account;

    @BeforeEach
    void setUp() {
        api = new LedgerApiClient(http);
        account = "partner:" + api.openFundedPartner(1_000_000_000L);
    }

    @Test
    void case5_a_usage_id_is_refused_after_more_than_1024_later_usages() {
        var first = usage("x", 5);
        LedgerApiClient.expectOk(api.post("/accounts/" + account + "/usage", first));
        chargeOtherUsages(LATER_USAGES);
        var events = eventCount();

        var again = api.post("/accounts/" + account + "/usage", usage("x", 5));

        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).containsEntry("code", "USAGE_ALREADY_CHARGED");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void case5_the_same_command_again_gets_its_first_answer_after_many_later_usages() {
        var first = usage("y", 5);
        var answered = api.post("/accounts/" + account + "/usage", first);
        LedgerApiClient.expectOk(answered);
        chargeOtherUsages(LATER_USAGES);
        var events = eventCount();

        var replayed = api.post("/accounts/" + account + "/usage", first);

        assertThat(replayed.getStatusCode().value()).isEqualTo(200);
        assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.getBody()).isEqualTo(answered.getBody());
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void case5_a_settlement_of_a_usage_metered_before_is_refused_after_the_account_left_memory() {
        LedgerApiClient.expectOk(api.post("/accounts/" + account + "/usage", usage("z", 5)));
        var reservation = newId("res");
        LedgerApiClient.expectOk(api.reserve(account, reservation, 1_000, 60, "hold"));
        accountCache.removeAll();

        var settled =
                api.post(
                        "/accounts/" + account + "/reservations/" + reservation + "/settlements",
                        Map.of("commandId", newId("s"), "amountUcr", 1, "usageId", "z"));

        assertThat(settled.getStatusCode().value()).isEqualTo(409);
        assertThat(settled.getBody()).containsEntry("code", "USAGE_ALREADY_CHARGED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void case5_one_usage_id_twice_in_one_batch_is_charged_once() {
        var batch =
                Map.of(
                        "commands",
                        List.of(batchedUsage("w", newId("b")), batchedUsage("w", newId("b"))));

        var response = api.post("/batches", batch);

        var results = (List<Map<String, Object>>) response.getBody().get("results");
        assertThat(results).extracting(r -> r.get("outcome")).containsExactly("POSTED", "REFUSED");
        assertThat(results.get(1)).containsEntry("rejection", "USAGE_ALREADY_CHARGED");
    }

    @Test
    void usage_charged_before_the_table_existed_is_taken_from_the_event_store() throws Exception {
        var customer = newId("c");
        api.openCustomer(customer, account.substring("partner:".length()), false);
        var usage =
                Map.of(
                        "commandId",
                        newId("u"),
                        "amountUcr",
                        5,
                        "usageId",
                        "v",
                        "description",
                        "call");
        LedgerApiClient.expectOk(api.post("/accounts/customer:" + customer + "/usage", usage));
        var reservation = newId("res");
        LedgerApiClient.expectOk(api.reserve(account, reservation, 1_000, 60, "hold"));
        LedgerApiClient.expectOk(
                api.post(
                        "/accounts/" + account + "/reservations/" + reservation + "/settlements",
                        Map.of("commandId", newId("s"), "amountUcr", 1, "usageId", "v")));
        var recorded = chargedUsageOf("customer:" + customer, account);
        jdbc.update(
                "DELETE FROM ledger.charged_usage WHERE account_id IN (?, ?)",
                "customer:" + customer,
                account);

        jdbc.execute(backfillStatement());

        assertThat(recorded).hasSize(2);
        assertThat(chargedUsageOf("customer:" + customer, account)).isEqualTo(recorded);
    }

    private List<String> chargedUsageOf(String... accounts) {
        return jdbc.queryForList(
                "SELECT account_id || '/' || usage_id || '/' || command_id FROM ledger.charged_usage"
                        + " WHERE account_id = ANY (?) ORDER BY 1",
                String.class,
                (Object) accounts);
    }

    /** The migration's statement that fills the table from the events stored before it. */
    private static String backfillStatement() throws Exception {
        try (var in =
                UsageChargedOnceTest.class.getResourceAsStream(
                        "/db/migration/V4__charged_usage.sql")) {
            var script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return script.substring(script.indexOf("INSERT INTO"), script.lastIndexOf(';'));
        }
    }

    private void chargeOtherUsages(int count) {
        var commands = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < count; i++) {
            commands.add(batchedUsage(newId("later"), newId("c")));
            if (commands.size() == 500 || i == count - 1) {
                var response = api.post("/batches", Map.of("commands", commands));
                assertThat(response.getStatusCode().value()).isEqualTo(200);
                assertThat(response.getBody().toString()).doesNotContain("REFUSED");
                commands = new ArrayList<>();
            }
        }
    }

    private Map<String, Object> batchedUsage(String usageId, String commandId) {
        return Map.of(
                "type",
                "MeterUsage",
                "commandId",
                commandId,
                "accountId",
                account,
                "amountUcr",
                1,
                "usageId",
                usageId,
                "description",
                "later usage");
    }

    private static Map<String, Object> usage(String usageId, long amountUcr) {
        return Map.of(
                "commandId",
                newId("u"),
                "amountUcr",
                amountUcr,
                "usageId",
                usageId,
                "description",
                "call");
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM ledger.domain_event_entry", Long.class);
    }
}
