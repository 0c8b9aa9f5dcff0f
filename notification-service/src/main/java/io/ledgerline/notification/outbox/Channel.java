package io.ledgerline.notification.outbox;

/** How a delivery leaves the service. */
enum Channel {
    EMAIL,
    WEBHOOK
}
