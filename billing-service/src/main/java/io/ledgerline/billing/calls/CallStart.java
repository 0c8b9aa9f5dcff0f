package io.ledgerline.billing.calls;

import io.ledgerline.billing.entitlements.Environment;
import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

/**
 * An agent runtime asks to start a call or chat for a customer; a preview or test says so in {@code
 * environment} (default PRODUCTION), so it never uses production allowances.
 */
record CallStart(
        String callId,
        String customerId,
        String partnerId,
        String agentId,
        Channel channel,
        Environment environment) {

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
