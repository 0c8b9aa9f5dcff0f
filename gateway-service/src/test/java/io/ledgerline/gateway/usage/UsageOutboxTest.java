package io.ledgerline.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.contracts.topics.Topics;
import io.ledgerline.gateway.support.GatewayTestBase;
import io.ledgerline.gateway.support.TopicReader;
import io.ledgerline.testsupport.TestKafka;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;

/** Every answered request's usage goes through gateway.usage_outbox to usage.v1, once. */
class UsageOutboxTest extends GatewayTestBase {

    private static final int REQUESTS = 60;

    @Autowired JdbcTemplate jdbc;

    @Test
    void n_answered_requests_give_n_usage_events_each_request_once_and_an_empty_outbox() {
        var partnerId = newPartner("STARTER", 1_000);
        var secret = createPartnerKey(partnerId, partnerKey(100, "gpt-4o-mini")).path("secret");
        try (var usage = new TopicReader(TestKafka.bootstrapServers(), Topics.USAGE.name())) {
            var requestIds = new ArrayList<String>();
            for (int i = 0; i < REQUESTS; i++) {
                var reply = chatWith(secret.asText(), "gpt-4o-mini", "hello " + i);
                assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
                requestIds.add(reply.header("x-request-id"));
            }

            var counts = UsageEvents.awaitDelivered(usage, jdbc, requestIds);
            assertThat(counts).containsAllEntriesOf(UsageEvents.once(requestIds));
        }
        var health = api.get("/actuator/health").body();
        assertThat(health.at("/components/usageOutbox/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/usageOutbox/details/queued").asInt()).isZero();
    }
}
