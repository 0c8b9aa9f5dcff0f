package io.ledgerline.billing.web;

import io.ledgerline.billing.support.BillingIntegrationTest;
import io.ledgerline.testsupport.ServerEdges;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Requests refused at the edge, before any endpoint runs, answer the shared problem body. */
class ServerEdgesTest extends BillingIntegrationTest {

    @LocalServerPort int port;

    @Test
    void what_tomcat_refuses_itself_is_a_malformed_request_problem() throws Exception {
        ServerEdges.assertServerRefusalsAreProblems(port, "/api/v1/calls");
    }

    @Test
    void a_body_over_one_mebibyte_is_refused_before_it_is_read() throws Exception {
        ServerEdges.assertBodiesOverTheLimitAreRefused(port, "/api/v1/agent-usage", 1L << 20);
    }
}
