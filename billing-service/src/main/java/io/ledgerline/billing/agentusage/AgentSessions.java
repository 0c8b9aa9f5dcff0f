package io.ledgerline.billing.agentusage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/** Agent sessions already accepted, by session id, with a fingerprint of what was reported. */
@Repository
class AgentSessions {

    enum Claim {
        NEW,
        SAME_AGAIN,
        DIFFERENT_PAYLOAD
    }

    private final JdbcTemplate jdbc;

    AgentSessions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Claim claim(String sessionId, String requestId, String payloadSha256) {
        int inserted =
                jdbc.update(
                        "INSERT INTO billing.agent_sessions (session_id, request_id,"
                                + " payload_sha256) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        sessionId,
                        requestId,
                        payloadSha256);
        if (inserted == 1) {
            return Claim.NEW;
        }
        List<String> known =
                jdbc.queryForList(
                        "SELECT payload_sha256 FROM billing.agent_sessions"
                                + " WHERE session_id = ?",
                        String.class,
                        sessionId);
        return known.contains(payloadSha256) ? Claim.SAME_AGAIN : Claim.DIFFERENT_PAYLOAD;
    }
}
