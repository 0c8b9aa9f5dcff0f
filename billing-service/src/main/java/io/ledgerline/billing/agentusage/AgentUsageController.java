package io.ledgerline.billing.agentusage;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.Rejection;
import io.ledgerline.contracts.problem.Refused;
import io.ledgerline.contracts.usage.UsageRecorded;
import io.ledgerline.contracts.usage.UsageRecorded.Source;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Agent usage over HTTP (docs/design.md, "Agent usage"). A session is turned into a {@link
 * UsageRecorded} and published to {@code usage.v1}, so it is rated on the same path as gateway
 * usage. Idempotent on the session id: the same report again answers the same request id (and is
 * published again, harmlessly, since metering dedupes on it); another report under that id is a
 * conflict. Only a token with the {@code billing.usage} scope gets here (security/BillingDoors).
 */
@RestController
@RequestMapping(AgentUsageController.PATH)
class AgentUsageController {

    static final String PATH = "/api/v1/agent-usage";
    static final String REQUEST_ID_PREFIX = "agent-";

    private final AgentSessions sessions;
    private final UsagePublisher publisher;
    private final SessionMetering metering;
    private final ObjectMapper json = ContractJson.mapper();

    AgentUsageController(
            AgentSessions sessions, UsagePublisher publisher, SessionMetering metering) {
        this.sessions = sessions;
        this.publisher = publisher;
        this.metering = metering;
    }

    record Accepted(String sessionId, String requestId) {}

    @PostMapping
    ResponseEntity<Accepted> report(@RequestBody AgentSessionReport body) {
        var report = body.validated();
        var requestId = REQUEST_ID_PREFIX + report.sessionId();
        var claim = sessions.claim(report.sessionId(), requestId, fingerprint(report));
        if (claim == AgentSessions.Claim.DIFFERENT_PAYLOAD) {
            throw new Refused(
                    Rejection.EXISTS_WITH_DIFFERENT_PAYLOAD,
                    "session " + report.sessionId() + " was reported before with other figures");
        }
        var usage = usageOf(report, requestId);
        publisher.publish(usage);
        metering.meter(report, usage.occurredAt());
        return ResponseEntity.accepted().body(new Accepted(report.sessionId(), requestId));
    }

    private static UsageRecorded usageOf(AgentSessionReport report, String requestId) {
        var eventId = UUID.nameUUIDFromBytes(requestId.getBytes(StandardCharsets.UTF_8)).toString();
        var source =
                report.kind() == AgentSessionReport.Kind.CALL
                        ? Source.AGENT_CALL
                        : Source.AGENT_CHAT;
        var occurredAt = report.occurredAt() == null ? Instant.now() : report.occurredAt();
        return new UsageRecorded(
                eventId,
                requestId,
                source,
                null,
                report.partnerId(),
                report.customerId(),
                null,
                0,
                0,
                report.callSeconds() * 1000,
                report.callSeconds(),
                report.toolCalls(),
                report.costLines(),
                null,
                null,
                occurredAt);
    }

    /** What makes two reports "the same": every figure except when it was sent. */
    private String fingerprint(AgentSessionReport report) {
        var figures =
                new AgentSessionReport(
                        report.sessionId(),
                        report.kind(),
                        report.customerId(),
                        report.partnerId(),
                        report.callSeconds(),
                        report.toolCalls(),
                        report.costLines(),
                        null);
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(json.writeValueAsBytes(figures)));
        } catch (NoSuchAlgorithmException | java.io.IOException e) {
            throw new IllegalStateException("cannot fingerprint an agent session", e);
        }
    }
}
