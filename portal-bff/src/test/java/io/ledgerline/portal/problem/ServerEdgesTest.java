package io.ledgerline.portal.problem;

import io.ledgerline.testsupport.LedgerlineIntegrationTest;
import io.ledgerline.testsupport.ServerEdges;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Requests refused at the edge, before any endpoint runs, answer the shared problem body. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class ServerEdgesTest {

    @LocalServerPort int port;

    @Test
    void what_tomcat_refuses_itself_is_a_malformed_request_problem() throws Exception {
        ServerEdges.assertServerRefusalsAreProblems(port, "/api/portal/accounts");
    }

    @Test
    void a_body_over_one_mebibyte_is_refused_before_it_is_read() throws Exception {
        ServerEdges.assertBodiesOverTheLimitAreRefused(port, "/api/portal/session", 1L << 20);
    }
}
