package io.ledgerline.gateway.livekey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.gateway.support.GatewayTestBase;
import io.ledgerline.gateway.support.TopicReader;
import io.ledgerline.testsupport.TestKafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Map;

/** A raw key exists only in the answer that created it: not in logs, errors, events or rows. */
@ExtendWith(OutputCaptureExtension.class)
class SecretHygieneTest extends GatewayTestBase {

    @Autowired JdbcTemplate jdbc;

    @Test
    void the_raw_key_never_appears_in_logs_error_bodies_events_or_rows(CapturedOutput output) {
        var partnerId = newPartner("STARTER", 1_000);
        var created = createPartnerKey(partnerId, partnerKey(10, "gpt-4o-mini"));
        var keyId = created.path("keyId").asText();
        var secrets = new ArrayList<String>();
        secrets.add(created.path("secret").asText());
        var bodies = new ArrayList<String>();

        try (var usage = new TopicReader(TestKafka.bootstrapServers(), "usage.v1");
                var statuses = new TopicReader(TestKafka.bootstrapServers(), "gateway.keys.v1");
                var changes =
                        new TopicReader(TestKafka.bootstrapServers(), "gateway.key-changes.v1")) {
            var ok = chatWith(secrets.get(0), "gpt-4o-mini", "hello");
            bodies.add(ok.raw());
            bodies.add(chatWith(secrets.get(0) + "x", "gpt-4o-mini", "hello").raw());
            bodies.add(chatWith(secrets.get(0), "gpt-4o", "hello").raw());
            bodies.add(api.openAi("/v1/chat/completions", secrets.get(0), "{bad", Map.of()).raw());
            var regenerated =
                    api.post(
                                    "/api/v1/partners/"
                                            + partnerId
                                            + "/keys/"
                                            + keyId
                                            + "/regenerate",
                                    Map.of("commandId", unique("regen")))
                            .body();
            secrets.add(regenerated.path("secret").asText());
            bodies.add(chatWith(secrets.get(0), "gpt-4o-mini", "hello").raw());
            bodies.add(
                    api.post(
                                    "/api/v1/partners/" + partnerId + "/keys/" + keyId + "/revoke",
                                    Map.of("commandId", unique("revoke")))
                            .raw());
            bodies.add(chatWith(secrets.get(1), "gpt-4o-mini", "hello").raw());
            bodies.add(
                    api.get("/api/v1/partners/" + partnerId + "/keys?includeRevoked=true").raw());

            var requestId = ok.header("x-request-id");
            await().atMost(PROJECTION_WAIT)
                    .until(() -> usage.poll().stream().anyMatch(e -> e.contains(requestId)));
            await().atMost(PROJECTION_WAIT)
                    .until(
                            () ->
                                    statuses.poll().stream()
                                            .anyMatch(
                                                    e ->
                                                            e.contains(keyId)
                                                                    && e.contains("REVOKED")));
            await().atMost(PROJECTION_WAIT)
                    .until(
                            () ->
                                    changes.poll().stream()
                                            .anyMatch(
                                                    e ->
                                                            e.contains(keyId)
                                                                    && e.contains("REVOKED")));
            var events = new ArrayList<String>(usage.poll());
            events.addAll(statuses.poll());
            events.addAll(changes.poll());
            var rows =
                    jdbc.queryForList(
                            "SELECT t::text FROM gateway.virtual_key t "
                                    + "UNION ALL SELECT t::text FROM gateway.key_reservation t "
                                    + "UNION ALL SELECT t::text FROM gateway.key_command t",
                            String.class);
            for (var secret : secrets) {
                assertThat(secret).startsWith("llk_");
                var tail = secret.substring(12);
                assertThat(output.getAll()).doesNotContain(tail);
                assertThat(String.join("\n", bodies)).doesNotContain(tail);
                assertThat(String.join("\n", events)).doesNotContain(tail);
                assertThat(String.join("\n", rows)).doesNotContain(tail);
            }
            assertThat(rows).isNotEmpty();
            assertThat(output.getAll()).contains(keyId);
        }
    }
}
