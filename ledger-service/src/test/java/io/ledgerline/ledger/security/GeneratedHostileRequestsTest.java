package io.ledgerline.ledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.ledger.api.LedgerApiClient;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;
import io.ledgerline.testsupport.auth.HostileWalk;
import io.ledgerline.testsupport.auth.TestTokens;
import io.ledgerline.websecurity.Doors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Thousands of generated hostile requests, one hostile part each, through every operation of the
 * ledger's OpenAPI document with a token that opens every door, all aimed at one funded partner:
 * none answers 5xx, none is accepted, and not one event is appended to the partner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class GeneratedHostileRequestsTest {

    @LocalServerPort int port;

    @Autowired Doors doors;

    @Autowired TestRestTemplate http;

    @Autowired JdbcTemplate jdbc;

    @Test
    void thousands_of_hostile_requests_answer_4xx_problems_and_change_nothing() {
        var api = new LedgerApiClient(http);
        var partner = "partner:" + api.openFundedPartner(5_000_000);
        var eventsBefore = eventsOf(partner);
        var walk =
                new HostileWalk(
                        "http://127.0.0.1:" + port,
                        TestTokens.bearer(doors.scopes().toArray(String[]::new)),
                        20261203L,
                        partner);

        var result = walk.walk("/v3/api-docs", 200);

        result.assertNoFailures();
        assertThat(result.requests()).isGreaterThanOrEqualTo(3_000);
        assertThat(eventsOf(partner)).isEqualTo(eventsBefore);
    }

    private long eventsOf(String accountId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM ledger.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                accountId);
    }
}
