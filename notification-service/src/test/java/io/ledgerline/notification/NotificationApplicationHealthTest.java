package io.ledgerline.notification;

import io.ledgerline.notification.support.NotificationIntegrationTest;
import io.ledgerline.testsupport.ServiceHealth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;

/**
 * Shares the integration tests' context: a second context would drain the same outbox to the
 * default SMTP port, taking other tests' mail (or a local stack's GreenMail would accept it).
 */
class NotificationApplicationHealthTest extends NotificationIntegrationTest {

    @Autowired DataSource dataSource;

    @Test
    void starts_healthy_with_its_own_schema_migrated() throws Exception {
        ServiceHealth.assertHealthyWithOwnSchema(
                port, dataSource, "notification", "notification-service");
    }
}
