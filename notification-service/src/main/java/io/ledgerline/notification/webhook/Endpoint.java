package io.ledgerline.notification.webhook;

import io.ledgerline.notification.alert.AlertKind;

import java.time.Instant;
import java.util.Set;

/**
 * A partner's webhook endpoint. Its signing secret is kept sealed ({@link SecretSealer}); the plain
 * secret is shown once, when the endpoint is added, and opened again only to sign.
 */
public record Endpoint(
        String endpointId,
        String partnerId,
        String url,
        Set<AlertKind> alertKinds,
        String sealedSecret,
        Instant createdAt) {}
