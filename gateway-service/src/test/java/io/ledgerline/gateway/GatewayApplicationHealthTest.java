package io.ledgerline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.gateway.support.GatewayTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

class GatewayApplicationHealthTest extends GatewayTestBase {

    @Autowired TestRestTemplate http;

    @Autowired JdbcTemplate jdbc;

    @Test
    void starts_healthy_with_its_own_schema_migrated() {
        var health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(health.getBody()).contains("UP");
        var owner =
                jdbc.queryForObject(
                        "SELECT value FROM gateway.service_info WHERE name = 'schema_owner'",
                        String.class);
        assertThat(owner).isEqualTo("gateway-service");
    }
}
