package io.ledgerline.billing.calls;

/** Where an agent talks to people: on the phone, in a web chat or on WhatsApp. */
enum Channel {
    VOICE,
    CHAT,
    WHATSAPP
}
