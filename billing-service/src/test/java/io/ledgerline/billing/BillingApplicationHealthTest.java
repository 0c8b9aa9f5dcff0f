package io.ledgerline.billing;

import io.ledgerline.billing.support.BillingIntegrationTest;
import io.ledgerline.testsupport.ServiceHealth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;

class BillingApplicationHealthTest extends BillingIntegrationTest {

    @LocalServerPort int port;

    @Autowired DataSource dataSource;

    @Test
    void starts_healthy_with_its_own_schema_migrated() throws Exception {
        ServiceHealth.assertHealthyWithOwnSchema(port, dataSource, "billing", "billing-service");
    }
}
