package io.ledgerline.billing.entitlements;

import io.ledgerline.billing.plans.PlanLimits;

import java.util.function.Function;

/** What a workspace uses, each with its meter and the plan limit that caps it (R19). */
public enum Resource {
    VOICE_CALL("voiceMinutes", "maxVoiceMinutes", PlanLimits::maxVoiceMinutes),
    CHAT_MESSAGE("chatMessages", "maxChatMessages", PlanLimits::maxChatMessages),
    WHATSAPP_MESSAGE("whatsappMessages", "maxWhatsappMessages", PlanLimits::maxWhatsappMessages),
    TEST_RUN("testRuns", "maxTestRuns", PlanLimits::maxTestRuns),
    AGENT("agents", "maxAgents", PlanLimits::maxAgents),
    SEAT("seats", "maxSeats", PlanLimits::maxSeats);

    private final String meter;
    private final String limitField;
    private final Function<PlanLimits, Long> limit;

    Resource(String meter, String limitField, Function<PlanLimits, Long> limit) {
        this.meter = meter;
        this.limitField = limitField;
        this.limit = limit;
    }

    public String meter() {
        return meter;
    }

    String limitField() {
        return limitField;
    }

    Long limitIn(PlanLimits limits) {
        return limit.apply(limits);
    }

    /** Conversations are what previews and tests stand in for; agents and seats are not. */
    boolean conversation() {
        return this == VOICE_CALL || this == CHAT_MESSAGE || this == WHATSAPP_MESSAGE;
    }
}
