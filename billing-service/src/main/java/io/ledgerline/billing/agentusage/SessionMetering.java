package io.ledgerline.billing.agentusage;

import io.ledgerline.billing.entitlements.Meters;
import io.ledgerline.billing.entitlements.Resource;

import org.springframework.stereotype.Component;

import java.time.Instant;

/** A reported session on the workspace's meters (R19). */
@Component
class SessionMetering {

    private final Meters meters;

    SessionMetering(Meters meters) {
        this.meters = meters;
    }

    /** A call counts its started minutes as voice minutes, a chat one chat message. */
    void meter(AgentSessionReport report, Instant occurredAt) {
        boolean call = report.kind() == AgentSessionReport.Kind.CALL;
        meters.sessionReported(
                report.sessionId(),
                report.customerId(),
                call ? Resource.VOICE_CALL : Resource.CHAT_MESSAGE,
                call ? (report.callSeconds() + 59) / 60 : 1,
                occurredAt);
    }
}
