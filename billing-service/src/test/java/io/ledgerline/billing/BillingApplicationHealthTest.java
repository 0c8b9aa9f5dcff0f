package io.ledgerline.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.billing.support.BillingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

class BillingApplicationHealthTest extends BillingIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void starts_healthy_with_its_own_schema_migrated() {
        var health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(health.getBody()).contains("UP");
        var owner = jdbc.queryForObject(
                "SELECT value FROM billing.service_info WHERE name = 'schema_owner'", String.class);
        assertThat(owner).isEqualTo("billing-service");
    }
}
