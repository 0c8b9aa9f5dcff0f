package io.ledgerline.ledger.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.ledger.LedgerAccounts;
import io.ledgerline.ledger.audit.EventStoreReader;
import io.ledgerline.ledger.audit.StoredEvent;
import io.ledgerline.ledger.audit.StoredEventDecoder;
import io.ledgerline.ledger.writer.LedgerWriter;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** The read side after real commands: balances, history, "as of" balances, ledger sums. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class ReadSideTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON =
            new ParameterizedTypeReference<>() {};

    @Autowired TestRestTemplate http;

    @Autowired LedgerWriter writer;

    @Autowired JdbcTemplate jdbc;

    @Autowired DataSource dataSource;

    LedgerScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new LedgerScenario(writer, jdbc);
    }

    @Test
    @SuppressWarnings("unchecked")
    void R13_history_lists_the_holders_own_leg_newest_first_with_balance_after_and_note() {
        scenario.mixed().awaitReadSideCaughtUp();

        var page = get("/accounts/" + scenario.customer + "/history?page=0&size=50").getBody();

        var rows = (List<Map<String, Object>>) page.get("rows");
        assertThat(rows)
                .extracting(r -> r.get("type"))
                .containsExactly("Released", "Used", "Reserved", "Used", "Deducted", "Added");
        assertThat(rows)
                .extracting(r -> ((Number) r.get("amountUcr")).longValue())
                .containsExactly(
                        6_000_000L,
                        -4_000_000L,
                        -10_000_000L,
                        -3_000_000L,
                        -15_000_000L,
                        100_000_000L);
        assertThat(rows)
                .extracting(r -> ((Number) r.get("balanceAfterUcr")).longValue())
                .containsExactly(
                        78_000_000L,
                        6_000_000L,
                        72_000_000L,
                        82_000_000L,
                        85_000_000L,
                        100_000_000L);
        assertThat(rows.get(4)).containsEntry("note", "Refund for failed calls");
        assertThat(rows.get(5))
                .containsEntry("note", "Monthly package - 100 credits")
                .containsEntry("amountCredits", "100.000000");
        assertThat(page).containsEntry("totalRows", 6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void account_view_shows_balances_spendable_reserved_settings_and_last_update() {
        scenario.mixed().awaitReadSideCaughtUp();

        var partnerView = get("/accounts/" + scenario.partner).getBody();
        var customerView = get("/accounts/" + scenario.customer).getBody();

        assertThat(partnerView)
                .containsEntry("spendableUcr", 3_988_000_000L)
                .containsEntry("reservedUcr", 1_000_000_000)
                .containsEntry("partnerId", scenario.partnerId);
        assertThat((List<Map<String, Object>>) partnerView.get("balances"))
                .extracting(b -> b.get("ledgerAccount"))
                .contains(LedgerAccounts.partnerAvailable(scenario.partnerId));
        assertThat(customerView)
                .containsEntry("spendableUcr", 78_000_000)
                .containsEntry("reservedUcr", 0);
        assertThat((Map<String, Object>) customerView.get("aiCredits"))
                .containsEntry("enabled", true)
                .containsEntry("graceSeconds", 30)
                .containsEntry("pricePerMinuteUcr", 2_000_000);
        assertThat(customerView.get("lastUpdated")).isNotNull();
    }

    @Test
    void balance_as_of_an_instant_counts_only_what_happened_by_then() {
        scenario.openBoth();
        scenario.add(scenario.customer, 50, "first");
        var between = Instant.now();
        sleepPastClockTick();
        scenario.deduct(scenario.customer, 20, "second");
        scenario.awaitReadSideCaughtUp();

        assertThat(balanceAsOf(Instant.EPOCH)).isZero();
        assertThat(balanceAsOf(between)).isEqualTo(50_000_000L);
        assertThat(balanceAsOf(Instant.now())).isEqualTo(30_000_000L);
    }

    @Test
    void every_ledger_sums_to_zero_on_the_read_side() {
        scenario.mixed().awaitReadSideCaughtUp();

        for (var ledger : List.of("PLATFORM", "AI:" + scenario.partnerId)) {
            var body = get("/ledgers/" + ledger + "/balances?size=1000").getBody();
            assertThat(body).containsEntry("sumUcr", 0);
            assertThat(((Number) body.get("totalAccounts")).longValue()).isPositive();
        }
    }

    @Test
    void unknown_account_is_a_404_problem_with_its_code() {
        var response = get("/accounts/partner:nobody-" + LedgerScenario.newId("x"));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("code", "ACCOUNT_NOT_FOUND");
    }

    @Test
    void bad_paging_and_bad_instants_are_400_problems() {
        scenario.openBoth();
        var account = "/accounts/" + scenario.customer;
        for (var query : List.of("?size=201", "?size=0", "?page=-1", "?page=x")) {
            var response = get(account + "/history" + query);
            assertThat(response.getStatusCode().value()).as(query).isEqualTo(400);
            assertThat(response.getBody()).containsEntry("code", "INVALID_PAGING");
        }
        var badInstant = get(account + "/balance?asOf=yesterday");
        assertThat(badInstant.getStatusCode().value()).isEqualTo(400);
        assertThat(badInstant.getBody()).containsEntry("code", "INVALID_PARAMETER");
        assertThat(badInstant.getBody()).containsEntry("field", "asOf");
        assertThat(get("/accounts/wallet:x").getBody())
                .containsEntry("code", "INVALID_ID")
                .containsEntry("field", "accountId");
    }

    @Test
    void reprocessing_every_event_again_changes_nothing() throws Exception {
        scenario.mixed().awaitReadSideCaughtUp();
        var before = readSide();

        var events = new ArrayList<StoredEvent>();
        try (var connection = dataSource.getConnection()) {
            EventStoreReader.forEach(connection, "ledger", events::add);
        }
        var accounts = new HashSet<String>();
        var decoded = events.stream().map(StoredEventDecoder::event).toList();
        decoded.forEach(event -> accounts.addAll(ProjectionBatch.accountsOf(event)));
        var store = new ReadSideStore(jdbc);
        var batch =
                new ProjectionBatch(
                        store.balancesOf(accounts),
                        store.appliedEventIds(
                                decoded.stream().map(event -> event.header().eventId()).toList()));
        for (int i = 0; i < events.size(); i++) {
            batch.apply(events.get(i).globalIndex(), decoded.get(i));
        }
        store.write(batch);

        assertThat(batch.postings()).isEmpty();
        assertThat(readSide()).isEqualTo(before);
    }

    private List<Map<String, Object>> readSide() {
        return jdbc.queryForList(
                """
                SELECT b.ledger_account, b.balance_ucr,
                       (SELECT count(*) FROM ledger_read.posting p
                         WHERE p.ledger_account = b.ledger_account) AS postings
                  FROM ledger_read.balance b ORDER BY b.ledger_account""");
    }

    private long balanceAsOf(Instant asOf) {
        var body = get("/accounts/" + scenario.customer + "/balance?asOf=" + asOf).getBody();
        return ((Number) body.get("balanceUcr")).longValue();
    }

    private ResponseEntity<Map<String, Object>> get(String path) {
        return http.exchange("/api/v1" + path, HttpMethod.GET, null, JSON);
    }

    private static void sleepPastClockTick() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
