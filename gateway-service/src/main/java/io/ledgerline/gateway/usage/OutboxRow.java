package io.ledgerline.gateway.usage;

/** One serialised event in {@code gateway.usage_outbox}, as written and as sent to Kafka. */
record OutboxRow(
        String eventId,
        String requestId,
        String topic,
        String recordKey,
        String type,
        byte[] payload,
        int attempts) {}
