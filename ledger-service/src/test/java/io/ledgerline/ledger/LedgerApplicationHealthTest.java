package io.ledgerline.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.testsupport.LedgerlineIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class LedgerApplicationHealthTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void starts_healthy_with_its_own_schema_migrated() {
        var health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(health.getBody()).contains("UP");
        var owner = jdbc.queryForObject(
                "SELECT value FROM ledger.service_info WHERE name = 'schema_owner'", String.class);
        assertThat(owner).isEqualTo("ledger-service");
    }
}
