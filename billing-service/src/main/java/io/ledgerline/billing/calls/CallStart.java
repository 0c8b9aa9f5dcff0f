package io.ledgerline.billing.calls;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

/** An agent runtime asks to start a call or chat for a customer. */
record CallStart(
        String callId, String customerId, String partnerId, String agentId, Channel channel) {

    CallStart validated() {
        CallLimits.requireCallId(callId);
        CallLimits.requireId(customerId, "customerId");
        CallLimits.requireId(partnerId, "partnerId");
        CallLimits.requireId(agentId, "agentId");
        if (channel == null) {
            throw Refused.field(
                    CommonRefusal.FIELD_REQUIRED,
                    "channel",
                    "channel must be VOICE, CHAT or WHATSAPP");
        }
        return this;
    }
}
