package io.ledgerline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.gateway.support.GatewayTestBase;
import io.ledgerline.testsupport.auth.HostileWalk;
import io.ledgerline.testsupport.auth.StoredMentions;
import io.ledgerline.testsupport.auth.TestTokens;
import io.ledgerline.websecurity.Doors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;

/**
 * Thousands of generated hostile requests, one hostile part each, through every operation of the
 * gateway's management API (its OpenAPI document) with a token that opens every door: none answers
 * 5xx, none is accepted, and no row of the gateway's schema mentions the id every one of them
 * carried.
 */
class GeneratedHostileRequestsTest extends GatewayTestBase {

    @Autowired Doors doors;

    @Autowired DataSource dataSource;

    @Test
    void thousands_of_hostile_requests_answer_4xx_problems_and_store_nothing() {
        var marker = "walk-" + Long.toHexString(System.nanoTime());
        var walk =
                new HostileWalk(
                        "http://127.0.0.1:" + management.port(),
                        TestTokens.bearer(doors.scopes().toArray(String[]::new)),
                        20261203L,
                        marker);

        var result = walk.walk("/v3/api-docs", 150);

        result.assertNoFailures();
        assertThat(result.requests()).isGreaterThanOrEqualTo(1_500);
        assertThat(StoredMentions.of(dataSource, "gateway", marker)).isEmpty();
    }
}
