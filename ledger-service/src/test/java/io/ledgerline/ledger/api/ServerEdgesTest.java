package io.ledgerline.ledger.api;

import io.ledgerline.testsupport.LedgerlineIntegrationTest;
import io.ledgerline.testsupport.ServerEdges;
import io.ledgerline.testsupport.auth.TestTokens;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Requests refused at the edge, before any endpoint runs, answer the shared problem body. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class ServerEdgesTest {

    static final long MAX_BODY = 1L << 20;
    static final long MAX_BATCH_BODY = 4L << 20;

    @LocalServerPort int port;

    @Test
    void what_tomcat_refuses_itself_is_a_malformed_request_problem() throws Exception {
        ServerEdges.assertServerRefusalsAreProblems(port, "/api/v1/accounts");
    }

    @Test
    void a_body_over_one_mebibyte_is_refused_before_it_is_read() throws Exception {
        ServerEdges.assertBodiesOverTheLimitAreRefused(
                port, "/api/v1/accounts/partner:acme/credits", MAX_BODY);
    }

    @Test
    void a_batch_may_be_larger_up_to_its_own_limit() throws Exception {
        ServerEdges.assertBodiesOverTheLimitAreRefused(port, "/api/v1/batches", MAX_BATCH_BODY);
    }

    @Test
    void a_chunked_body_within_the_limit_reaches_the_endpoint() throws Exception {
        ServerEdges.postChunked(
                        port,
                        "/api/v1/batches",
                        "{\"commands\": []}",
                        TestTokens.bearer("ledger.meter"))
                .assertProblem(422, "OUT_OF_RANGE");
    }
}
