package io.ledgerline.gateway.support;

import io.ledgerline.llmstub.LlmStub;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;
import io.ledgerline.testsupport.TestKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.netty.DisposableServer;

/**
 * One gateway for all of this module's tests: real PostgreSQL and Kafka (test-support), the stub
 * upstream on a free port, and the in-test ledger double. Every test class extends this, so they
 * share one Spring context, one broker and one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
public abstract class GatewayTestBase {

    protected static final DisposableServer STUB = LlmStub.start(0);
    protected static final LedgerFeed FEED = new LedgerFeed(TestKafka.bootstrapServers());
    protected static final LedgerDouble LEDGER = startLedger();

    private static LedgerDouble startLedger() {
        try {
            return new LedgerDouble(FEED);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void wire(DynamicPropertyRegistry registry) {
        registry.add("ledgerline.ledger.url", LEDGER::baseUrl);
        registry.add("ledgerline.gateway.upstream.providers[0].name", () -> "stub");
        registry.add("ledgerline.gateway.upstream.providers[0].base-url",
                () -> "http://127.0.0.1:" + STUB.port() + "/v1");
        registry.add("ledgerline.gateway.usage-flush-ms", () -> "200");
    }
}
