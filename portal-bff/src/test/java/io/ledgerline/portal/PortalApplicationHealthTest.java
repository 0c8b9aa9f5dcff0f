package io.ledgerline.portal;

import io.ledgerline.testsupport.LedgerlineIntegrationTest;
import io.ledgerline.testsupport.ServiceHealth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class PortalApplicationHealthTest {

    @LocalServerPort int port;

    @Autowired DataSource dataSource;

    @Test
    void starts_healthy_with_its_own_schema_migrated() throws Exception {
        ServiceHealth.assertHealthyWithOwnSchema(port, dataSource, "portal", "portal-bff");
    }
}
