package io.ledgerline.notification.outbox;

/**
 * Published in the transaction that queued deliveries; the drainer hears it once that transaction
 * has committed, so a new alert goes out at once instead of at the next poll.
 */
record DeliveriesQueued(String alertId) {}
