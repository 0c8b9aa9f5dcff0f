package io.ledgerline.notification.web;

import io.ledgerline.notification.support.NotificationIntegrationTest;
import io.ledgerline.testsupport.ServerEdges;

import org.junit.jupiter.api.Test;

/** Requests refused at the edge, before any endpoint runs, answer the shared problem body. */
class ServerEdgesTest extends NotificationIntegrationTest {

    @Test
    void what_tomcat_refuses_itself_is_a_malformed_request_problem() throws Exception {
        ServerEdges.assertServerRefusalsAreProblems(port, "/api/v1/accounts");
    }

    @Test
    void a_body_over_one_mebibyte_is_refused_before_it_is_read() throws Exception {
        ServerEdges.assertBodiesOverTheLimitAreRefused(
                port, "/api/v1/partners/acme/webhooks", 1L << 20);
    }
}
