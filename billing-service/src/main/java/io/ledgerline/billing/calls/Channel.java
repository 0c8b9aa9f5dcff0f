package io.ledgerline.billing.calls;

import io.ledgerline.billing.entitlements.Resource;

/** Where an agent talks to people: on the phone, in a web chat or on WhatsApp. */
enum Channel {
    VOICE(Resource.VOICE_CALL),
    CHAT(Resource.CHAT_MESSAGE),
    WHATSAPP(Resource.WHATSAPP_MESSAGE);

    private final Resource resource;

    Channel(Resource resource) {
        this.resource = resource;
    }

    /** The entitlement a conversation on this channel uses and is metered in (R19). */
    Resource resource() {
        return resource;
    }

    /**
     * What a conversation of {@code seconds} counts on its meter: voice its started minutes; a chat
     * or WhatsApp conversation its started minutes too, and at least one message, since runtimes
     * report no message counts.
     */
    long meteredQuantity(long seconds) {
        long minutes = (seconds + 59) / 60;
        return this == VOICE ? minutes : Math.max(1, minutes);
    }
}
