package io.ledgerline.ledger.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ledgerline.ledger.writer.LedgerWriter;
import io.ledgerline.testsupport.LedgerlineIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * An event the read side cannot store (a NUL in its note, appended past the API as corruption or an
 * old version would) stops the read side visibly after a bounded number of attempts, while commands
 * are still accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
// The event store's in-memory cache keeps the corrupt event after the test deletes its row; a
// fresh context reads the store again, as a restarted ledger-service would.
@DirtiesContext
class ReadSideStallTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON =
            new ParameterizedTypeReference<>() {};

    /** The bound's back-off is about 3 s; the rest is the processor's own redelivery. */
    private static final Duration STOPS_WITHIN = Duration.ofSeconds(60);

    @Autowired TestRestTemplate http;

    @Autowired LedgerWriter writer;

    @Autowired JdbcTemplate jdbc;

    @Autowired ReadSideGuard guard;

    @Autowired MeterRegistry meters;

    @Test
    @SuppressWarnings("unchecked")
    void an_unprojectable_event_stops_the_read_side_visibly_after_bounded_attempts() {
        var victim = new LedgerScenario(writer, jdbc).openBoth();
        victim.add(victim.customer, 10, "to be copied");
        var scenario = new LedgerScenario(writer, jdbc).openBoth();
        scenario.awaitReadSideCaughtUp();
        long attemptsBefore = guard.failedAttempts();
        var corruptEventId = appendCopyWithNulNote(victim);
        try {
            await().atMost(STOPS_WITHIN).until(() -> guard.stall().isPresent());

            var health = http.exchange("/actuator/health", HttpMethod.GET, null, JSON);
            assertThat(health.getStatusCode().value()).isEqualTo(503);
            var readSide =
                    (Map<String, Object>)
                            ((Map<String, Object>) health.getBody().get("components"))
                                    .get("readSide");
            assertThat(readSide).containsEntry("status", "DOWN");
            assertThat((Map<String, Object>) readSide.get("details"))
                    .containsEntry("stoppedAtEventId", corruptEventId)
                    .containsEntry("attempts", ReadSideGuard.MAX_ATTEMPTS)
                    .containsKey("resume")
                    .hasEntrySatisfying(
                            "error", error -> assertThat((String) error).contains("U+0000"));
            assertThat(guard.failedAttempts() - attemptsBefore)
                    .isEqualTo(ReadSideGuard.MAX_ATTEMPTS);
            assertThat(status("/actuator/health/readside")).isEqualTo(503);
            assertThat(status("/actuator/health/liveness"))
                    .as("a stopped read side is no reason to restart the pod")
                    .isEqualTo(200);
            assertThat(status("/actuator/health/readiness"))
                    .as("commands are still accepted, so the pod keeps its traffic")
                    .isEqualTo(200);
            assertThat(meters.get("ledger.readside.stalled").gauge().value()).isEqualTo(1.0);
            assertThat(meters.get("ledger.readside.lag").gauge().value()).isPositive();

            var answer = scenario.add(scenario.customer, 5, "accepted while the read side stopped");
            assertThat(answer.isPosted()).isTrue();

            sleep(Duration.ofSeconds(3));
            assertThat(guard.failedAttempts() - attemptsBefore)
                    .as("no retries after the stop")
                    .isEqualTo(ReadSideGuard.MAX_ATTEMPTS);
            assertThat(guard.processorRunning()).isFalse();
        } finally {
            jdbc.update(
                    "DELETE FROM ledger.domain_event_entry WHERE event_identifier = ?",
                    corruptEventId);
        }
    }

    /**
     * Appends a copy of the victim's last event with a new id and the next sequence, its note now
     * holding a NUL; returns the new event's id (the same in the row and in the payload).
     */
    private String appendCopyWithNulNote(LedgerScenario victim) {
        var row =
                jdbc.queryForMap(
                        """
                SELECT * FROM ledger.domain_event_entry WHERE aggregate_identifier = ?
                 ORDER BY sequence_number DESC LIMIT 1""",
                        victim.customer.value());
        var newId = UUID.randomUUID().toString();
        var payload = (ObjectNode) readTree((byte[]) row.get("payload"));
        assertThat(payload.path("note").asText()).isEqualTo("to be copied");
        payload.put("note", "before\u0000after");
        ((ObjectNode) payload.get("header")).put("eventId", newId);
        var corrupt = payload.toString();
        assertThat(corrupt).contains("\\u0000");
        jdbc.update(
                """
                INSERT INTO ledger.domain_event_entry (event_identifier, aggregate_identifier,
                    sequence_number, type, time_stamp, payload_type, payload_revision, payload,
                    meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                newId,
                row.get("aggregate_identifier"),
                (Long) row.get("sequence_number") + 1,
                row.get("type"),
                row.get("time_stamp"),
                row.get("payload_type"),
                row.get("payload_revision"),
                corrupt.getBytes(StandardCharsets.UTF_8),
                row.get("meta_data"));
        return newId;
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private int status(String path) {
        return http.exchange(path, HttpMethod.GET, null, JSON).getStatusCode().value();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
