package io.ledgerline.notification.webhook;

import io.ledgerline.notification.alert.AlertKind;

import java.time.Instant;
import java.util.Set;

/** A partner's webhook endpoint. The secret never leaves the service after its creation. */
public record Endpoint(
        String endpointId,
        String partnerId,
        String url,
        Set<AlertKind> alertKinds,
        String secret,
        Instant createdAt) {}
