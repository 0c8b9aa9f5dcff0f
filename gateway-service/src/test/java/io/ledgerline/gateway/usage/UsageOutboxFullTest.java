package io.ledgerline.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.gateway.support.Api;
import io.ledgerline.gateway.support.GatewayTestBase;
import io.ledgerline.gateway.support.TopicReader;
import io.ledgerline.testsupport.TestKafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;

import javax.sql.DataSource;

/**
 * With the outbox table locked (the database does not answer the writer, then its inserts time
 * out), answered requests' usage is held in memory up to the capacity; then the gateway refuses new
 * requests with 503 rather than serve usage nobody is charged for. A gateway of its own, with a
 * tiny capacity.
 */
@TestPropertySource(
        properties = "ledgerline.gateway.usage-outbox.capacity=" + UsageOutboxFullTest.CAPACITY)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class UsageOutboxFullTest extends GatewayTestBase {

    static final int CAPACITY = 4;
    private static final int MAX_REQUESTS = 3 * CAPACITY;
    private static final String WRITE_FAILED = "could not write";

    @Autowired DataSource dataSource;

    @Autowired JdbcTemplate jdbc;

    @Test
    void a_full_usage_queue_refuses_requests_with_503_charges_nothing_and_loses_nothing(
            CapturedOutput output) throws Exception {
        var partnerId = newPartner("STARTER", 1_000);
        var secret =
                createPartnerKey(partnerId, partnerKey(100, "gpt-4o-mini")).path("secret").asText();
        try (var usage = new TopicReader(TestKafka.bootstrapServers(), Topics.USAGE.name())) {
            var served = new ArrayList<String>();
            Api.Reply refused = null;
            try (var lock = dataSource.getConnection()) {
                lock.setAutoCommit(false);
                lock.createStatement()
                        .execute("LOCK TABLE gateway.usage_outbox IN ACCESS EXCLUSIVE MODE");
                while (refused == null && served.size() < MAX_REQUESTS) {
                    var reply = chatWith(secret, "gpt-4o-mini", "hello");
                    if (reply.status() == 200) {
                        served.add(reply.header("x-request-id"));
                    } else {
                        refused = reply;
                    }
                }
                assertThat(served).hasSize(CAPACITY);
                assertThat(refused).isNotNull();
                assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
                assertThat(refused.body().at("/error/code").asText())
                        .isEqualTo("metering_unavailable");
                assertThat(refused.body().at("/error/type").asText()).isEqualTo("server_error");
                assertThat(refused.header("x-ledgerline-cost-credits"))
                        .isEqualTo(Credits.ZERO.toDecimalString());
                var health = api.get("/actuator/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.body().at("/components/usageOutbox/status").asText())
                        .isEqualTo("DOWN");
                assertThat(health.body().at("/components/usageOutbox/details/queued").asInt())
                        .isEqualTo(CAPACITY);
                // Held past the statement timeout, the writer's insert fails and is retried.
                await().atMost(Duration.ofSeconds(3L * OutboxStore.STATEMENT_TIMEOUT_S))
                        .until(() -> output.getOut().contains(WRITE_FAILED));
                lock.rollback();
            }

            var refusedId = refused.header("x-request-id");
            var counts = UsageEvents.awaitDelivered(usage, jdbc, served);
            assertThat(counts).containsAllEntriesOf(UsageEvents.once(served));
            assertThat(counts).doesNotContainKey(refusedId);
            await().atMost(PROJECTION_WAIT)
                    .until(() -> chatWith(secret, "gpt-4o-mini", "again").status() == 200);
        }
    }
}
